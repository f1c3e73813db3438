"""What the Python benchmarks share: the published binary they measure and one timed run."""
import os, subprocess, time

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
