#!/bin/bash
# What syscope's eBPF capture costs, measured in one run against the untraced workload and the
# floor (/work/shared/ebpf-floor: the least an eBPF capture can cost here).
#   sudo bench/ebpf-overhead.sh [RUNS]
# WORKLOAD (default `dd if=/dev/zero of=/dev/null bs=1 count=1000000`, 2 M calls) runs untraced
# and under syscope's BPF programs in each mode of `Syscope.Bench ebpf-capture` (records read from
# the ring, not decoded): none (tracepoints and filters only), count (-c counters in the kernel),
# batch (a record per entry and exit, read/write buffers captured, drained in batches) and wakeup
# (the same, woken at every record).  Times are medians of RUNS (default 3): "tracee" is the
# workload's wall time under tracing (from its release to its end), "total" adds syscope's start
# (runtime, load and verification of the programs).  Then the floor's own figures (run.sh).
set -eu
cd "$(dirname "$0")/.."
runs=${1:-3}
floor=${FLOOR:-/work/shared/ebpf-floor/run.sh}
w=${WORKLOAD:-dd if=/dev/zero of=/dev/null bs=1 count=1000000 status=none}
dotnet build bench/Syscope.Bench -c Release 2>&1 | grep -qE 'Build succeeded' || { echo "bench build failed" >&2; exit 1; }
bench=bench/Syscope.Bench/bin/Release/net10.0/Syscope.Bench.dll

median() { sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }
ms_of() { local s; s=$(date +%s%N); "$@" >/dev/null 2>&1; echo $(( ($(date +%s%N) - s) / 1000000 )); }

base=$(for i in $(seq "$runs"); do ms_of $w; done | median)
printf '%-40s %7s ms\n' "untraced" "$base"
for mode in none count batch wakeup; do
    tracee=(); total=()
    for i in $(seq "$runs"); do
        s=$(date +%s%N)
        line=$(dotnet $bench ebpf-capture $mode $w)
        total+=($(( ($(date +%s%N) - s) / 1000000 )))
        tracee+=($(echo "$line" | awk '{print $2}'))
        last=$line
    done
    t=$(printf '%s\n' "${tracee[@]}" | median); a=$(printf '%s\n' "${total[@]}" | median)
    printf '%-40s %7s ms  %5s x untraced  (total %s ms; %s)\n' "syscope eBPF $mode" "$t" \
        "$(echo "scale=2; $t / $base" | bc)" "$a" "$(echo "$last" | cut -d' ' -f3-)"
done
echo "floor ($floor):"
if [ -x "$floor" ]; then WORKLOAD="$w" "$floor" | sed 's/^/  /'; else echo "  not found"; fi
