#!/usr/bin/env bash
# Cost of a step of a distributed fit (bench/scaling/mpi.cpp) on 1 and 2
# processes: compute, allgather and the allgather's latency alone, medians of
# the repetitions (default 7). Builds with the MPI C++ wrapper (g++ -O2).
#   bash bench/scaling/mpi.sh [repetitions]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
bash "$root/scripts/ensure-packages.sh" g++ openmpi-bin libopenmpi-dev libboost-mpi1.81-dev
out="${LEIBNIZ_BENCH_DIR:-$root/build/bench/scaling}"
mkdir -p "$out"
mpicxx -std=c++20 -O2 -DNDEBUG -I"$root/include" "$here/mpi.cpp" -o "$out/mpi" -lboost_mpi -lboost_serialization
# Open MPI in a container: no single-copy shared memory; as root, more ranks than cores allowed.
export OMPI_MCA_btl_vader_single_copy_mechanism=none OMPI_MCA_rmaps_base_oversubscribe=1
for ranks in 1 2; do
  mpiexec -n "$ranks" --allow-run-as-root --oversubscribe "$out/mpi" "${1:-7}"
done
