#!/usr/bin/env python3
"""Tracing overhead and start-up time of syscope against strace, measured in one run.

  python3 bench/trace-overhead.py [--runs N]

Uses the NativeAOT binary dist/syscope (publishes it if missing; delete dist/ after changes).
strace and syscope runs alternate, so drift in the machine's speed affects both alike.  Prints the median wall time of
`dd if=/dev/zero of=/dev/null bs=1 count=100000` untraced, under `strace -o /dev/null` and under
`syscope trace -o /dev/null`, the ratios, and the start-up cost of tracing `true`.
Targets (issue 2): syscope/strace <= 1.0; syscope start-up <= strace start-up + 20 ms.
With --filters it also measures issue 4's cases on the same workload: `-f -e trace=openat`
(seccomp-bpf keeps the other calls from stopping; target <= 1.3x untraced) and `-c` against
`strace -c` (target: no slower).
"""
import argparse, os, statistics, sys

from timing import SYSCOPE, once, paired, published
DD = ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=100000"]

def wall(cmd, runs):
    return statistics.median(once(cmd) for _ in range(runs))

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--startup-runs", type=int, default=30)
    ap.add_argument("--filters", action="store_true", help="also measure -e trace=openat and -c")
    args = ap.parse_args()
    published()
    base = wall(DD, args.runs)
    st, sy = paired(["strace", "-o", "/dev/null"] + DD, [SYSCOPE, "trace", "-o", "/dev/null"] + DD, args.runs)
    print(f"dd bs=1 count=100000 (200k syscalls), median of {args.runs}:")
    print(f"  untraced            {base*1000:9.1f} ms")
    print(f"  strace -o /dev/null {st*1000:9.1f} ms   ({st/base:6.1f}x untraced)")
    print(f"  syscope trace       {sy*1000:9.1f} ms   ({sy/base:6.1f}x untraced)")
    print(f"  ratio syscope/strace: {sy/st:.2f}  (target <= 1.00)")
    t_st = wall(["strace", "-o", "/dev/null", "true"], args.startup_runs)
    t_sy = wall([SYSCOPE, "trace", "-o", "/dev/null", "true"], args.startup_runs)
    t_true = wall(["true"], args.startup_runs)
    print(f"start-up, median of {args.startup_runs}: true {t_true*1000:.1f} ms, strace true {t_st*1000:.1f} ms, "
          f"syscope trace true {t_sy*1000:.1f} ms, difference {(t_sy-t_st)*1000:+.1f} ms (target <= +20 ms)")
    ok = sy / st <= 1.0 and (t_sy - t_st) <= 0.020
    if args.filters:
        f_st, f_sy = paired(["strace", "-f", "--seccomp-bpf", "-e", "trace=openat", "-o", "/dev/null"] + DD,
                            [SYSCOPE, "trace", "-f", "-e", "trace=openat", "-o", "/dev/null"] + DD, args.runs)
        c_st, c_sy = paired(["strace", "-c", "-o", "/dev/null"] + DD, [SYSCOPE, "trace", "-c", "-o", "/dev/null"] + DD, args.runs)
        print(f"-f -e trace=openat: strace --seccomp-bpf {f_st*1000:.1f} ms ({f_st/base:.2f}x untraced), "
              f"syscope {f_sy*1000:.1f} ms ({f_sy/base:.2f}x untraced; target <= 1.30x)")
        print(f"-c: strace {c_st*1000:.1f} ms, syscope {c_sy*1000:.1f} ms, ratio {c_sy/c_st:.2f} (target <= 1.00)")
        ok = ok and f_sy / base <= 1.3 and c_sy / c_st <= 1.0
    return 0 if ok else 1

sys.exit(main())
