#!/bin/bash
# What syscope's eBPF backend costs, measured in one run (issue 11), against the untraced workload,
# perf trace, strace and the floor (/work/shared/ebpf-floor: the least an eBPF capture costs here).
#   sudo bench/ebpf-overhead.sh [RUNS]
# WORKLOAD (default `dd if=/dev/zero of=/dev/null bs=1 count=1000000`, 2 M calls) runs untraced, under
# the NativeAOT binary dist/syscope (published if missing; delete dist/ after changes) as
# `trace --ebpf -o /dev/null` (every call decoded and written), `-c` (counted in the kernel) and
# `-e trace=openat` (the other calls filtered out in the kernel), under `perf trace -o /dev/null`, and
# strace on a tenth of the work (its time times ten).  `capture` is syscope's BPF programs with the
# ring read but nothing decoded (Syscope.Bench ebpf-capture batch: the tracee's own time, without the
# runtime's start).  Times are medians of RUNS (default 3), in ms.  Targets: decoded trace <= 5x
# untraced, -c <= 2x, -e trace=openat <= 1.2x, start-up (`trace --ebpf true`) <= 150 ms.
# The `cpu` column is the workload's own CPU time (user + system, as /usr/bin/time run inside the
# trace, with -f so that dd, its child, is traced, reports it): what the BPF programs add to the traced process, and nearly the same on a busy
# machine as on a quiet one, where wall times are not (the decoding runs on another core, and on a
# shared machine competes with everything else).  The floor's `none` (its tracepoints with a filter
# that matches nothing) is the least any run with syscall tracepoints can cost the workload.
set -eu
cd "$(dirname "$0")/.."
runs=${1:-3}
floor=${FLOOR:-/work/shared/ebpf-floor/run.sh}
count=${COUNT:-1000000}
w=(dd if=/dev/zero of=/dev/null bs=1 count=$count status=none)
tenth=(dd if=/dev/zero of=/dev/null bs=1 count=$((count / 10)) status=none)
[ -x dist/syscope ] || dotnet publish src/Syscope.Cli -c Release -o dist >/dev/null
dotnet build bench/Syscope.Bench -c Release 2>&1 | grep -qE 'Build succeeded' || { echo "bench build failed" >&2; exit 1; }
bench=bench/Syscope.Bench/bin/Release/net10.0/Syscope.Bench.dll

median() { sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }
ms() { local s; s=$(date +%s%N); "$@" >/dev/null 2>&1; echo $(( ($(date +%s%N) - s) / 1000000 )); }
timed() { for _ in $(seq "$runs"); do ms "$@"; done | median; }
ratio() { echo "scale=2; $1 / $2" | bc; }

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) CPUs; a busy machine makes wall times noisy, cpu less so)"
# The modes: untraced, then syscope's three.  Runs are interleaved (one of each mode per round, RUNS
# rounds), so that a change of the machine's load falls on every mode alike; each figure is a median.
names=("untraced (${count} bytes, $((2 * count)) calls)" "syscope trace --ebpf -o /dev/null" "syscope trace --ebpf -c" "syscope trace --ebpf -e trace=openat")
prefixes=("" "dist/syscope trace --ebpf -o /dev/null" "dist/syscope trace --ebpf -c -o /dev/null" "dist/syscope trace --ebpf -e trace=openat -o /dev/null")
# The cpu runs put /usr/bin/time between syscope and dd, so they need -f for dd to be traced.
cpu_prefixes=("" "dist/syscope trace --ebpf -f -o /dev/null" "dist/syscope trace --ebpf -f -c -o /dev/null" "dist/syscope trace --ebpf -f -e trace=openat -o /dev/null")
for _ in $(seq "$runs"); do
  for i in "${!prefixes[@]}"; do
    # shellcheck disable=SC2086  # the prefixes are words
    ms ${prefixes[$i]} "${w[@]}" >> "$tmp/wall$i"
    ${cpu_prefixes[$i]} /usr/bin/time -o "$tmp/time" -f '%U+%S' "${w[@]}" >/dev/null 2>&1
    echo "($(cat "$tmp/time")) * 1000 / 1" | bc >> "$tmp/cpu$i"
  done
done
base=$(median < "$tmp/wall0")
basecpu=$(median < "$tmp/cpu0")
row() { printf '%-44s %7s ms  %6s x untraced' "$1" "$2" "$(ratio "$2" "$base")"; [ -n "${3:-}" ] && printf '   cpu %5s ms %5s x' "$3" "$(ratio "$3" "$basecpu")"; echo; }
printf '%-44s %7s ms            cpu %5s ms\n' "${names[0]}" "$base" "$basecpu"
for i in 1 2 3; do row "${names[$i]}" "$(median < "$tmp/wall$i")" "$(median < "$tmp/cpu$i")"; done
capture=$(for _ in $(seq "$runs"); do dotnet $bench ebpf-capture batch "${w[@]}" | awk '{print $2}'; done | median)
row "capture only (records read, not decoded)" "$capture"
perf=$(timed perf trace -o /dev/null "${w[@]}")
row "perf trace -o /dev/null" "$perf"
strace=$(( $(timed strace -o /dev/null "${tenth[@]}") * 10 ))
row "strace -o /dev/null (a tenth, times ten)" "$strace"
start=$(runs=10 timed dist/syscope trace --ebpf -o /dev/null true)
printf '%-44s %7s ms\n' "start-up: syscope trace --ebpf true" "$start"
echo "floor ($floor):"
if [ -x "$floor" ]; then WORKLOAD="${w[*]}" "$floor" | sed 's/^/  /'; else echo "  not found"; fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
