#!/usr/bin/env python3
"""Cost of recording (issue 14), on the workload of trace-overhead.py.

  python3 bench/record-overhead.py [--runs N] [--syscope PATH]

Runs `dd if=/dev/zero of=/dev/null bs=1 count=100000` (200k calls) under `syscope trace -o
/dev/null` and under `syscope record -o FILE`, alternating, and prints the medians and their ratio
(target <= 1.10), the recording's bytes per call, and how fast `replay` reads it back
(`replay FILE -o /dev/null`, strace text decoded again; target >= 1 M calls/s).  Uses dist/syscope
(the NativeAOT binary; publishes it if missing) unless --syscope names another build.
"""
import os, statistics, sys, tempfile

from timing import arguments, once, published
DD = ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=100000"]
CALLS = 200_000

def main():
    args = arguments().parse_args()
    exe = published(args.syscope)
    with tempfile.TemporaryDirectory() as tmp:
        scope = os.path.join(tmp, "run.scope")
        plain, rec = [], []
        for _ in range(args.runs):
            plain.append(once([exe, "trace", "-o", "/dev/null"] + DD))
            rec.append(once([exe, "record", "-o", scope] + DD))
        p, r = statistics.median(plain), statistics.median(rec)
        size = os.path.getsize(scope)
        replay = statistics.median(once([exe, "replay", scope, "-o", "/dev/null"]) for _ in range(args.runs))
        summary = statistics.median(once([exe, "replay", scope, "-c", "-o", "/dev/null"]) for _ in range(args.runs))
    print(f"dd bs=1 count=100000 ({CALLS // 1000}k calls), median of {args.runs}:")
    print(f"  trace -o /dev/null  {p*1000:9.1f} ms")
    print(f"  record -o FILE      {r*1000:9.1f} ms   ratio {r/p:.2f} (target <= 1.10)")
    print(f"  recording           {size} bytes, {size/CALLS:.1f} bytes per call")
    print(f"  replay -o /dev/null {replay*1000:9.1f} ms   {CALLS/replay/1e6:.2f} M calls/s (target >= 1)")
    print(f"  replay -c           {summary*1000:9.1f} ms   {CALLS/summary/1e6:.2f} M calls/s")
    return 0 if r / p <= 1.10 and CALLS / replay >= 1e6 else 1

sys.exit(main())
