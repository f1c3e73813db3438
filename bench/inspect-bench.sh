#!/usr/bin/env bash
# Measures `syscope files` on a process holding 10,000 open fds, and `syscope files -i` on the
# whole machine against `lsof -i`, then `syscope why --all` with 1,000 more processes (sleepers),
# with the published NativeAOT binary.  Prints median wall and CPU times.
# Usage: bench/inspect-bench.sh [runs] [why]   (why: only the `why --all` part; builds
# dist/syscope first when it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-7}
ONLY=${2:-all}
SYSCOPE=dist/syscope
[ -x "$SYSCOPE" ] || dotnet publish src/Syscope.Cli -c Release -o dist >/dev/null
command -v lsof >/dev/null || { echo "lsof is not installed (see .ci/apt-packages)"; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is not installed (Debian package time)"; exit 1; }

# Median wall time and median CPU time (user+sys) in seconds of a command run $RUNS times,
# output discarded.  CPU time is the fairer figure on a machine shared with other work.
TIMES=$(mktemp)
SLEEPERS=()
HOLDER=
trap 'kill $HOLDER "${SLEEPERS[@]}" 2>/dev/null || true; rm -f "$TIMES"' EXIT
median() {
  local wall=() cpu=()
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %U %S" -o "$TIMES" "$@" >/dev/null 2>&1 || true
    read -r e u s < <(tail -1 "$TIMES")
    wall+=("$e"); cpu+=("$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}')")
  done
  printf '%s wall, %s cpu' \
    "$(printf '%s\n' "${wall[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f s", a[int((NR+1)/2)]}')" \
    "$(printf '%s\n' "${cpu[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f s", a[int((NR+1)/2)]}')"
}

if [ "$ONLY" != why ]; then
# The holder: 10,000 fds of mixed kinds (files, pipes, UNIX sockets, 100 loopback TCP
# connections), then it sleeps.
ulimit -n 20000
python3 - <<'PY' &
import os, socket, sys, time
fds = []
for i in range(4000): fds.append(os.open("/dev/null", os.O_RDONLY))
for i in range(2000): fds.extend(os.pipe())
for i in range(1000): fds.extend(s.detach() for s in socket.socketpair())
listener = socket.socket(); listener.bind(("127.0.0.1", 0)); listener.listen(200)
for i in range(100):
    c = socket.create_connection(listener.getsockname()); a, _ = listener.accept()
    fds.extend([c.detach(), a.detach()])
fds.append(os.open("/etc/hostname", os.O_RDONLY))
while len(fds) < 9997: fds.append(os.open("/etc/passwd", os.O_RDONLY))

time.sleep(600)
PY
HOLDER=$!
for _ in $(seq 100); do [ "$(ls /proc/$HOLDER/fd 2>/dev/null | wc -l)" -ge 10000 ] && break; sleep 0.1; done
echo "holder PID $HOLDER with $(ls /proc/$HOLDER/fd | wc -l) open fds"

rows_ours=$("$SYSCOPE" files "$HOLDER" | wc -l)
rows_lsof=$(lsof -p "$HOLDER" 2>/dev/null | wc -l)
if diff -q <(lsof -p "$HOLDER" 2>/dev/null) <("$SYSCOPE" files "$HOLDER") >/dev/null; then same=identical; else same=DIFFERENT; fi
echo "syscope files and lsof -p on the holder: $same output"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs, median of $RUNS runs"
printf '%-34s %s  (%d rows)\n' "syscope files PID (10k fds)" "$(median "$SYSCOPE" files "$HOLDER")" "$rows_ours"
printf '%-34s %s  (%d rows)\n' "lsof -p PID (10k fds)" "$(median lsof -p "$HOLDER")" "$rows_lsof"
printf '%-34s %s  (%d rows)\n' "syscope files -i (all processes)" "$(median "$SYSCOPE" files -i)" "$("$SYSCOPE" files -i | wc -l)"
printf '%-34s %s  (%d rows)\n' "lsof -i (all processes)" "$(median lsof -i)" "$(lsof -i 2>/dev/null | wc -l)"
printf '%-34s %s\n' "syscope files -i -n -P" "$(median "$SYSCOPE" files -i -n -P)"
printf '%-34s %s\n' "lsof -i -n -P" "$(median lsof -i -n -P)"
kill $HOLDER 2>/dev/null || true
fi

# why --all: one pass over /proc with 1,000 more processes, each blocked in clock_nanosleep for
# longer than --min-wait (1 s).
for _ in $(seq 1000); do sleep 600 & SLEEPERS+=($!); done
sleep 2
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs, $(ls -d /proc/[0-9]* | wc -l) processes, median of $RUNS runs"
"$SYSCOPE" why --all | grep -m1 '^clock_nanosleep() until its timer expires: ' || true
printf '%-34s %s\n' "syscope why --all (1,000 sleepers)" "$(median "$SYSCOPE" why --all)"
