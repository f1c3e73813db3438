#!/usr/bin/env python3
"""Reads two runs of strace's test suite (automake .trs/.log files: one with strace itself, one
with syscope as $STRACE) and prints the share of strace's passing tests that syscope passes, then
syscope's failures among them grouped by cause: the message syscope refused the command line with,
else the call of the first line that differs from what the test expected, else how the test
ended (timeout, framework failure). Used by tools/strace-suite.sh."""
import argparse
import collections
import os
import re
import sys


def results(folder):
    out = {}
    for name in os.listdir(folder):
        if name.endswith(".trs"):
            with open(os.path.join(folder, name), errors="replace") as f:
                m = re.search(r"^:test-result: (\w+)", f.read(), re.M)
            out[name[:-4]] = m.group(1) if m else "ERROR"
    return out


def aligned(line):
    return re.sub(r"\) +=( |$)", r") =\1", line)


def cause(log):
    """One line saying why a test failed, the same for every test failing the same way."""
    lines = log.splitlines()
    diff_at = next((i for i, l in enumerate(lines) if l.startswith("@@ ")), None)
    before_diff = lines if diff_at is None else lines[:diff_at]
    for l in before_diff:
        if l.startswith("strace: ") and "usage:" not in l:
            return "refused: " + re.sub(r"\d+", "N", l[len("strace: "):])[:100]
    if diff_at is not None:
        changed = [l for l in lines[diff_at:] if l[:1] in "-+" and not l.startswith(("---", "+++"))]
        # With -a dropped (--without-a) lines differ in the spaces before " = " alone: not a cause.
        spaced = collections.Counter(l[0] + aligned(l[1:]) for l in changed)
        changed = [l for l in changed if spaced["+-"[l[0] == "+"] + aligned(l[1:])] == 0]
        if not changed and spaced:
            return "only the column of return values differs (-a dropped)"
        if changed:
            expected = next((l for l in changed if l[0] == "-"), None)
            first = expected or changed[0]
            body = first[1:]
            m = re.match(r"^(?:\[pid +\d+\] |\d+ +)?(?:[\d:.]+ +)?([a-z_][a-z0-9_]*)\(", body)
            if m:
                return "differs: " + m.group(1) + ("" if expected else " (extra line)")
            if body.startswith(("+++", "---")):
                return "differs: " + re.sub(r"\d+", "N", body.split("(")[0].strip())[:60]
            return "differs: " + re.sub(r"\d+", "N", body)[:60]
    text = "\n".join(lines)
    if "time limit" in text or "timed out" in text:
        return "time limit"
    m = re.search(r"framework failure: (.*)", text)
    if m:
        return "framework failure: " + re.sub(r"\d+", "N", m.group(1))[:80]
    m = re.search(r"failed test: .* (failed with code \d+|output mismatch|[^/]*)$", text, re.M)
    if m:
        return "failed: " + m.group(1)[:80]
    tail = [l for l in lines if l.strip() and not l.startswith(("FAIL ", "ERROR "))]
    return "other: " + (re.sub(r"\d+", "N", tail[-1])[:80] if tail else "no log")


def read_ratchet(path):
    """A ratchet file: "min-pass: N", then the tests that passed with strace and with syscope when
    it was written, one a line ("#" starts a comment). They stand for the baseline's passes."""
    tests, min_pass = {}, None
    with open(path) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line.startswith("min-pass:"):
                min_pass = int(line.split(":", 1)[1])
            elif line:
                tests[line] = "PASS"
    return tests, min_pass


def write_ratchet(path, passed):
    """CI runs these again and fails below min-pass: 3% fewer than pass here, for tests that a
    slower or busier machine fails on time alone, never so many that a real regression hides."""
    with open(path, "w") as f:
        f.write("# Tests of strace 6.1's suite that pass with strace and with syscope, written by\n"
                "# tools/strace-suite.sh --write-ratchet after a whole run.  CI runs them with\n"
                "# tools/strace-suite.sh --ratchet and fails when fewer than min-pass pass.  Tests that later\n"
                "# runs of just them showed passing may be added by hand, min-pass raised with them.\n")
        f.write(f"min-pass: {len(passed) - (len(passed) * 3 + 99) // 100}\n")
        f.writelines(t + "\n" for t in passed)


def ratchet_tests(path):
    """Prints the ratchet file's tests, for the shell script."""
    print("\n".join(read_ratchet(path)[0]))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("baseline", help="the run with strace itself, or a ratchet file (see read_ratchet)")
    p.add_argument("syscope")
    p.add_argument("--min-pass", type=int)
    p.add_argument("--examples", type=int, default=6)
    p.add_argument("--write-ratchet", metavar="FILE", help="write the tests syscope passes as CI's ratchet")
    a = p.parse_args()
    if os.path.isfile(a.baseline):
        base, min_pass = read_ratchet(a.baseline)
        a.min_pass = min_pass if a.min_pass is None else a.min_pass
    else:
        base = results(a.baseline)
    ours = results(a.syscope)
    considered = sorted(t for t, r in base.items() if r == "PASS" and t in ours)
    passed = [t for t in considered if ours[t] == "PASS"]
    groups = collections.defaultdict(list)
    for t in considered:
        if ours[t] == "PASS":
            continue
        try:
            with open(os.path.join(a.syscope, t + ".log"), errors="replace") as f:
                log = f.read()
        except OSError:
            log = ""
        groups[cause(log)].append(t)
    total = sum(1 for r in base.values() if r == "PASS")
    share = 100.0 * len(passed) / len(considered) if considered else 0.0
    print(f"strace 6.1 passes {total} of {len(base)} tests on this kernel; "
          f"syscope passes {len(passed)} of the {len(considered)} run ({share:.1f}%)")
    print()
    print(f"{'tests':>5}  cause (examples)")
    for key, names in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        shown = ", ".join(names[: a.examples]) + (", ..." if len(names) > a.examples else "")
        print(f"{len(names):>5}  {key}   ({shown})")
    with open(os.path.join(a.syscope, "failures.txt"), "w") as f:
        for key, names in sorted(groups.items()):
            for n in names:
                f.write(f"{key}\t{n}\n")
    if a.write_ratchet:
        write_ratchet(a.write_ratchet, passed)
    if a.min_pass is not None and len(passed) < a.min_pass:
        print(f"\nstrace-suite: {len(passed)} tests pass with syscope, fewer than the {a.min_pass} reached before")
        return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--ratchet-tests":
        ratchet_tests(sys.argv[2])
        sys.exit(0)
    sys.exit(main())
