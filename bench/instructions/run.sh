#!/usr/bin/env bash
# Instruction counts of leibniz's value_and_gradient against hand-written
# one-pass derivatives, on GCC and Clang:
#  - the generated code of Himmelblau's (objdump: instructions and calls, -O2 and -O3);
#  - callgrind's count of instructions executed per call, for Himmelblau,
#    Rosenbrock n = 8 and 32 and exp(sum sin x_i)*prod x_i at n = 16 (-O2;
#    -mno-avx512f, which valgrind cannot decode).
# Usage: bash bench/instructions/run.sh   (installs valgrind and binutils if missing)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
bash "$root/scripts/ensure-packages.sh" g++ clang valgrind binutils libboost1.81-dev
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

count_function() {  # object function -> "instructions calls"
    objdump -d --no-show-raw-insn "$1" | awk -v f="<$2>:" '$0 ~ f {on=1; next} on && /^$/ {on=0} on {print}' >"$work/fn.s"
    echo "$(wc -l <"$work/fn.s") $(grep -c 'call' "$work/fn.s" || true)"
}

echo "== Generated code of Himmelblau's value and gradient =="
printf '%-8s %-4s %28s %28s\n' compiler opt "leibniz (instructions, calls)" "hand-written (instr., calls)"
for cxx in g++ clang++; do
    for opt in -O2 -O3; do
        "$cxx" -std=c++20 "$opt" -I"$root/include" -c "$here/kernels.cpp" -o "$work/k.o"
        read -r li lc <<<"$(count_function "$work/k.o" himmelblau_leibniz)"
        read -r hi hc <<<"$(count_function "$work/k.o" himmelblau_hand)"
        printf '%-8s %-4s %28s %28s\n' "$cxx" "$opt" "$li, $lc" "$hi, $hc"
    done
done

echo
echo "== Instructions executed per call (callgrind), value and gradient =="
printf '%-8s %-18s %10s %10s %7s\n' compiler problem leibniz hand ratio
for cxx in g++ clang++; do
    "$cxx" -std=c++20 -O2 -mno-avx512f -I"$root/include" -c "$here/kernels.cpp" -o "$work/k.o"
    "$cxx" -std=c++20 -O2 -c "$here/driver.cpp" -o "$work/d.o"
    "$cxx" "$work/k.o" "$work/d.o" -o "$work/driver"
    for problem in himmelblau rosenbrock8 rosenbrock32 exp_sin_product16; do
        declare -A ir
        for impl in leibniz hand; do
            valgrind --tool=callgrind --toggle-collect="${problem}_${impl}" --callgrind-out-file="$work/cg.out" \
                "$work/driver" "$problem" "$impl" >/dev/null 2>"$work/cg.err"
            # The driver calls each kernel 2000 times (1000 timed points, 1000 checked against the other).
            ir[$impl]=$(awk '/^(summary|totals):/ {print $2 / 2000; exit}' "$work/cg.out")
        done
        printf '%-8s %-18s %10s %10s %7s\n' "$cxx" "$problem" "${ir[leibniz]}" "${ir[hand]}" \
            "$(awk -v a="${ir[leibniz]}" -v b="${ir[hand]}" 'BEGIN { printf "%.3f", a / b }')"
    done
done
