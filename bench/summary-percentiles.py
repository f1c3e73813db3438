#!/usr/bin/env python3
"""What -c's latency percentiles cost (issue 15), measured in one run as ratios.

  python3 bench/summary-percentiles.py [--runs N] [--syscope PATH]

`-c` against `-c -U name,calls,errors,p50,p90,p99,p999,max-time` (every call's latency also goes
into a histogram), runs alternating so that drift in the machine's speed weighs on both alike:
live, tracing `dd if=/dev/zero of=/dev/null bs=1 count=20000` (40k calls; ptrace's stops dominate),
and from a recording of 200k calls (`replay FILE -c`: nothing but syscope's own work).  Prints the
medians and their ratios (target: no more than without them, 1.00 within the noise).  The
pipeline alone is measured by bench/Syscope.Bench (SummaryBenchmarks: CountCall against
CountCallWithPercentiles, ratio in one run).  Uses dist/syscope (the NativeAOT binary; publishes
it if missing) unless --syscope names another build.
"""
import os, sys, tempfile

from timing import arguments, once, paired, published

PERCENTILES = ["-U", "name,calls,errors,p50,p90,p99,p999,max-time"]

def main():
    args = arguments().parse_args()
    exe = published(args.syscope)
    live = ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=20000"]
    plain, pct = paired([exe, "trace", "-c", "-o", "/dev/null"] + live,
                        [exe, "trace", "-c"] + PERCENTILES + ["-o", "/dev/null"] + live, args.runs)
    print(f"median of {args.runs}, runs alternating:")
    print(f"  trace -c dd (40k calls):        {plain*1000:8.1f} ms, with percentiles {pct*1000:8.1f} ms, ratio {pct/plain:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        scope = os.path.join(tmp, "run.scope")
        once([exe, "record", "-o", scope, "dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=100000"])
        r_plain, r_pct = paired([exe, "replay", scope, "-c", "-o", "/dev/null"],
                                [exe, "replay", scope, "-c"] + PERCENTILES + ["-o", "/dev/null"], args.runs)
    print(f"  replay -c (200k calls):         {r_plain*1000:8.1f} ms, with percentiles {r_pct*1000:8.1f} ms, ratio {r_pct/r_plain:.2f}")
    return 0

sys.exit(main())
