#!/usr/bin/env python3
"""trace -k against strace -k, measured in one run (issue 13).

  python3 bench/stack-trace.py [--runs N] [--opens N]

Builds a C program that opens /dev/null N times (default 20,000) through a short chain of
functions, then times `strace -k -e trace=openat -o /dev/null PROG` and
`syscope trace -k -e trace=openat -o /dev/null PROG` in alternation (so drift in the machine's
speed weighs on both alike) and prints the medians, the untraced time and the ratio.
Uses the NativeAOT binary dist/syscope (publishes it if missing; delete dist/ after changes).
Target: syscope's time at most strace's.
"""
import argparse, os, statistics, subprocess, tempfile, time

from timing import SYSCOPE, once, published

PROGRAM = r"""
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
__attribute__((noinline)) static int open_one(void) { int fd = open("/dev/null", O_RDONLY); close(fd); return fd; }
__attribute__((noinline)) static int open_many(int n) { int s = 0; for (int i = 0; i < n; i++) s += open_one(); return s; }
int main(int argc, char **argv) { return open_many(atoi(argv[1])) < 0; }
"""

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--opens", type=int, default=20000)
    args = ap.parse_args()
    published()
    with tempfile.TemporaryDirectory(prefix="syscope-stack-bench-") as tmp:
        source, prog = os.path.join(tmp, "opens.c"), os.path.join(tmp, "opens")
        with open(source, "w") as f:
            f.write(PROGRAM)
        subprocess.run(["gcc", "-O2", "-o", prog, source], check=True)
        cmd = [prog, str(args.opens)]
        base = statistics.median(once(cmd) for _ in range(args.runs))
        st, sy = [], []
        for _ in range(args.runs):
            st.append(once(["strace", "-k", "-e", "trace=openat", "-o", "/dev/null"] + cmd))
            sy.append(once([SYSCOPE, "trace", "-k", "-e", "trace=openat", "-o", "/dev/null"] + cmd))
        st, sy = statistics.median(st), statistics.median(sy)
    print(f"{args.opens} opens, -k -e trace=openat -o /dev/null, median of {args.runs}:")
    print(f"  untraced         {base*1000:9.1f} ms")
    print(f"  strace -k        {st*1000:9.1f} ms")
    print(f"  syscope trace -k {sy*1000:9.1f} ms")
    print(f"  syscope/strace   {sy/st:9.2f}")

if __name__ == "__main__":
    main()
