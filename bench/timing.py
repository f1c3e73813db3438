"""What the Python benchmarks share: the published binary they measure, their common options, one
timed run and runs in alternation."""
import argparse, os, statistics, subprocess, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SYSCOPE = os.path.join(ROOT, "dist", "syscope")

def published(exe=SYSCOPE):
    """The NativeAOT binary, published into dist/ when it is missing (delete dist/ after changes)."""
    if not os.path.exists(exe):
        subprocess.run(["dotnet", "publish", os.path.join(ROOT, "src/Syscope.Cli"), "-c", "Release", "-o",
                        os.path.join(ROOT, "dist")], check=True, stdout=subprocess.DEVNULL)
    return exe

def once(cmd):
    """Wall seconds of one run of cmd, its output discarded; a failing run is an error."""
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t0

def paired(a, b, runs):
    """Medians of a and b run in alternation, so a machine that speeds up or slows down during the
    measurement (other work on a 2-core box, CPU frequency) weighs on both sides alike."""
    ta, tb = [], []
    for _ in range(runs):
        ta.append(once(a))
        tb.append(once(b))
    return statistics.median(ta), statistics.median(tb)

def arguments():
    """--runs N and --syscope PATH (dist/syscope by default); add a script's own before parsing."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--syscope", default=SYSCOPE)
    return ap
