#!/usr/bin/env bash
# The test presets' compiler launcher (CMAKE_CXX_COMPILER_LAUNCHER): runs one
# compile command and appends "<CPU seconds> <output file>" to LOG: the
# compiler's user + system time, which is what a build on two busy cores is
# short of (Ninja's .ninja_log has wall time only, about twice the CPU time
# while four compilers share two cores). scripts/time-report.sh reads it.
#   cpu-time.sh LOG COMPILER ARGS...
log=$1
shift
output=unknown
previous=
for arg in "$@"; do
  [[ $previous == -o ]] && output=$arg
  previous=$arg
done
timing=$(mktemp)
TIMEFORMAT='%3U %3S'
# `time` reports on the group's stderr (the timing file); the compiler's own
# messages go to the real stderr (fd 3).
exec 3>&2
{ time "$@" 2>&3; } 2>"$timing"
status=$?
read -r user system <"$timing" || true
rm -f "$timing"
if [[ -n ${user:-} ]]; then
  printf '%s %s\n' "$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')" "$output" >>"$log"
fi
exit $status
