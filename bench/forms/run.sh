#!/usr/bin/env bash
# bench/forms: instructions per point (callgrind) of leibniz evaluations
# against hand-written derivatives, for each way a user binds the point and
# for the evaluator made once or built at every call.
#
#   bash bench/forms/run.sh [--include DIR] [--compilers "g++ clang++"] [--out DIR]
#                           [--compile-timeout S]
#
#   --include DIR   the include root holding leibniz/ (default: this checkout's include/)
#   --compilers     the compilers, space-separated (default: "g++ clang++")
#   --out DIR       where the results go (default: build/bench/forms):
#                   forms.md (the table), forms.csv (raw counts and compile
#                   cost), logs/, callgrind/, bin/
#
# Units are compiled one at a time (nice -n 10), each with a 300 s limit. A
# unit that does not compile, times out or disagrees with the hand-written
# derivatives is recorded as such in the table and the run goes on.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
include="$root/include"
compilers="g++ clang++"
out="$root/build/bench/forms"
compile_timeout=300
run_timeout=600
while [ $# -gt 0 ]; do
    case $1 in
        --include) include=$(cd "$2" && pwd); shift 2 ;;
        --compilers) compilers=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --compile-timeout) compile_timeout=$2; shift 2 ;;
        *) echo "usage: bash bench/forms/run.sh [--include DIR] [--compilers \"g++ clang++\"] [--out DIR]" >&2; exit 2 ;;
    esac
done

need() {  # command package
    command -v "$1" >/dev/null 2>&1 && return
    echo "== installing $2"
    if [ "$(id -u)" = 0 ]; then apt-get install -y "$2"; else sudo apt-get install -y "$2"; fi
}
need valgrind valgrind
[ -x /usr/bin/time ] || need /usr/bin/time time
need python3 python3

mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -rf "$out/logs" "$out/callgrind" "$out/bin"
mkdir -p "$out/logs" "$out/callgrind" "$out/bin"
csv="$out/forms.csv"
echo "compiler,compiler_version,problem,n,kind,form,status,compile_user_s,compile_sys_s,compile_peak_kib,ir_total,points,ir_per_point" >"$csv"

all_forms="hand pack_once pack_in_place by_name_once by_name_in_place point_once span_once"
# problem n kind extra-forms
units=(
    "himmelblau 2 gradient reversed_names_once"
    "himmelblau 2 hessian reversed_names_once"
    "rosenbrock 8 gradient -"
    "rosenbrock 32 gradient -"
    "rosenbrock 64 gradient -"
    "rosenbrock 16 hessian -"
    "exp_sin_product 16 gradient -"
    "mean_squared_error 2 gradient -"
    "huber_mean 2 gradient -"
)

for cxx in $compilers; do
    version=$("$cxx" --version | head -1)
    for unit in "${units[@]}"; do
        read -r problem n kind extra <<<"$unit"
        forms=$all_forms
        [ "$extra" != - ] && forms="$forms $extra"
        for form in $forms; do
            name="$cxx-$problem-$n-$kind-$form"
            bin="$out/bin/$name"
            log="$out/logs/$name"
            status=ok user= sys= peak= ir= per= points=
            printf '== %-60s ' "$name"
            /usr/bin/time -f "%U %S %M" -o "$log.time" \
                timeout "$compile_timeout" nice -n 10 "$cxx" -std=c++20 -O3 -march=native -mno-avx512f -DNDEBUG \
                -I"$include" -DPROBLEM="$problem" -DN="$n" -DKIND="$kind" -DFORM="$form" \
                "$here/forms.cpp" -o "$bin" >"$log.compile" 2>&1
            rc=$?
            read -r user sys peak < <(grep -E '^[0-9.]+ [0-9.]+ [0-9]+$' "$log.time" | tail -1)
            if [ $rc = 124 ]; then
                status="compile timeout (${compile_timeout} s)"
            elif [ $rc != 0 ]; then
                status="does not compile"
            elif ! timeout "$run_timeout" "$bin" >"$log.check" 2>&1; then
                status="mismatch"
                grep -q FAIL "$log.check" || status="check failed to run"
            else
                # The unit says how many points it evaluated ("ok 20 points, ...").
                points=$(sed -n 's/^ok \([0-9]*\) points.*/\1/p' "$log.check")
                cg="$out/callgrind/$name.out"
                if timeout "$run_timeout" nice -n 10 valgrind --tool=callgrind --toggle-collect=kernel \
                    --callgrind-out-file="$cg" "$bin" >"$log.callgrind" 2>&1; then
                    ir=$(awk '/^(summary|totals):/ {print $2; exit}' "$cg")
                    if [ -n "$ir" ] && [ "$ir" -gt 0 ]; then
                        per=$(awk -v ir="$ir" -v p="$points" 'BEGIN {printf "%.1f", ir / p}')
                    else
                        status="no instructions counted"
                    fi
                else
                    status="callgrind failed"
                fi
            fi
            echo "$status${per:+, $per Ir/point}${user:+ (compile ${user}+${sys} s, $((peak / 1024)) MiB)}"
            echo "$cxx,\"$version\",$problem,$n,$kind,$form,$status,$user,$sys,$peak,$ir,$points,$per" >>"$csv"
        done
    done
done

python3 - "$csv" "$out/forms.md" "$include" "$root" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
forms = ["pack_once", "pack_in_place", "by_name_once", "by_name_in_place", "point_once", "span_once",
         "reversed_names_once"]
compilers = list(dict.fromkeys(r["compiler"] for r in rows))
problems = list(dict.fromkeys((r["problem"], r["n"], r["kind"]) for r in rows))
by = {(r["compiler"], r["problem"], r["n"], r["kind"], r["form"]): r for r in rows}
short = {"does not compile": "no compile", "mismatch": "MISMATCH"}

def ratio(c, p, form):
    r, h = by.get((c,) + p + (form,)), by.get((c,) + p + ("hand",))
    if r is None:
        return None, "–"
    if r["status"] != "ok":
        return None, short.get(r["status"], r["status"])
    if h is None or h["status"] != "ok":
        return None, "no hand"
    x = float(r["ir_per_point"]) / float(h["ir_per_point"])
    return x, f"{x:.2f}"

lines = []
lines.append("# leibniz evaluation forms: instructions per point (callgrind)")
lines.append("")
include_root = sys.argv[3]
if len(sys.argv) > 4 and include_root.startswith(sys.argv[4] + "/"):
    include_root = include_root[len(sys.argv[4]) + 1:]  # relative to the checkout
lines.append(f"Include root: `{include_root}`. Compilers: " +
             "; ".join(f"`{c}` ({next(r['compiler_version'] for r in rows if r['compiler'] == c)})" for c in compilers) + ".")
lines.append("`-std=c++20 -O3 -march=native -mno-avx512f -DNDEBUG`; 1000 points in [-2, 2] (20 for the means over "
             "10⁵ samples, each point a pass over the data: a line's squared error, and Huber's loss of its "
             "residual, with one sample in ten an outlier); every result checked "
             "against the hand-written one (relative 1e-9; for the means, 1e-12 at least). Cells: leibniz ÷ hand-written instructions per point, "
             + " / ".join(compilers) + ".")
lines.append("")
header = ["problem", "hand Ir/point"] + forms + ["worst form"]
lines.append("| " + " | ".join(header) + " |")
lines.append("|" + "|".join(["---"] + ["---:"] * (len(header) - 2) + ["---"]) + "|")
for p in problems:
    cells = [f"{p[0]}/{p[1]}/{p[2]}"]
    hands = []
    for c in compilers:
        h = by.get((c,) + p + ("hand",))
        hands.append(h["ir_per_point"] if h and h["status"] == "ok" else (h["status"] if h else "–"))
    cells.append(" / ".join(hands))
    candidates = []  # (ratio, form, compiler, text); a failure counts as the worst
    for form in forms:
        parts = []
        for c in compilers:
            x, text = ratio(c, p, form)
            parts.append(text)
            r = by.get((c,) + p + (form,))
            if x is not None:
                candidates.append((x, form, c, text))
            elif r is not None and r["status"] != "ok":
                candidates.append((float("inf"), form, c, text))
        cells.append(" / ".join(parts))
    worst = max(candidates, key=lambda t: t[0]) if candidates else None
    cells.append("–" if worst is None else f"{worst[1]} ({worst[3]}, {worst[2]})")
    lines.append("| " + " | ".join(cells) + " |")
lines.append("")
lines.append("Compile cost per unit (CPU seconds user+sys, peak MiB), " + " / ".join(compilers) + ":")
lines.append("")
header = ["problem", "hand"] + forms
lines.append("| " + " | ".join(header) + " |")
lines.append("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|")
for p in problems:
    cells = [f"{p[0]}/{p[1]}/{p[2]}"]
    for form in ["hand"] + forms:
        parts = []
        for c in compilers:
            r = by.get((c,) + p + (form,))
            if r is None:
                parts.append("–")
            elif r["compile_user_s"]:
                s = float(r["compile_user_s"]) + float(r["compile_sys_s"])
                parts.append(f"{s:.1f} s {int(r['compile_peak_kib']) // 1024} MiB")
            else:
                parts.append("?")
        cells.append(" / ".join(parts))
    lines.append("| " + " | ".join(cells) + " |")
open(sys.argv[2], "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
EOF
echo "== results: $out/forms.md, $csv"
