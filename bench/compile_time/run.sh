#!/usr/bin/env bash
# Compile time and peak memory of translation units that evaluate the
# gradient of Rosenbrock's function (n = 8, 32, 64) and its Hessian
# (n = 8, 16) with leibniz, on GCC and Clang, at -O2, with the growth exponent
# between the two largest sizes of each.
# Usage: bash bench/compile_time/run.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
bash "$root/scripts/ensure-packages.sh" g++ clang time libboost1.81-dev
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

unit() {  # kind n -> a translation unit
    local kind=$1 n=$2
    cat <<CPP
#include <leibniz/leibniz.hpp>
#include <array>
namespace lz = leibniz;
static constexpr auto xs = lz::vars<"x", $n>;
static constexpr auto f = lz::sum<$n - 1>([](auto i) {
    return 100 * lz::pow<2>(std::get<i + 1>(xs) - lz::pow<2>(std::get<i>(xs))) + lz::pow<2>(1 - std::get<i>(xs));
});
CPP
    if [ "$kind" = gradient ]; then
        echo "std::array<double, $n> run(const std::array<double, $n>& p) { return lz::gradient(f, xs)(xs = p); }"
    else
        echo "double run(const std::array<double, $n>& p) { return lz::hessian(f, xs)(xs = p)[0][1]; }"
    fi
}

printf '%-8s %-9s %4s %9s %10s\n' compiler kind n seconds "peak MiB"
for cxx in g++ clang++; do
    for case in "gradient 8" "gradient 32" "gradient 64" "hessian 8" "hessian 16"; do
        set -- $case
        unit "$1" "$2" >"$work/unit.cpp"
        /usr/bin/time -f '%e %M' -o "$work/time" "$cxx" -std=c++20 -O2 -I"$root/include" -c "$work/unit.cpp" -o "$work/unit.o"
        read -r seconds kib <"$work/time"
        printf '%-8s %-9s %4s %9s %10d\n' "$cxx" "$1" "$2" "$seconds" $((kib / 1024))
    done
done
