#!/usr/bin/env bash
# The lsof and pgrep invocations people type daily (issue 12's survey), each run under Debian's
# lsof or procps's pgrep and under syscope on the same processes, which the script starts: a
# Python holder (a listener, a connection, a deleted file, a thread, a pipe, a pty, an eventfd) and uniquely named
# copies of sleep, one as nobody.  An invocation is identical when stdout (and for pgrep stderr)
# and the exit status agree; refused when syscope rejects what the tool accepts; different
# otherwise, with the lines that differ.  Machine-wide selections (pgrep -v) see processes come
# and go between the two runs, so a few lines of churn are expected there.
#
#   tools/lsof-pgrep-survey.sh [--syscope PATH]
#
# Needs root, lsof, pgrep, python3 and setpriv.  Prints one count line per tool.
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
S=$repo/src/Syscope.Cli/bin/Release/net10.0/linux-x64/syscope
[ "${1:-}" = --syscope ] && S=$2
d=$(mktemp -d /tmp/syscope-survey-XXXXXX)
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$d"; }
trap cleanup EXIT

cat > "$d/holder.py" <<'EOF'
import os, socket, sys, threading, time
d = sys.argv[1]
s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()
c = socket.create_connection(s.getsockname()); a, _ = s.accept()
gone = open(os.path.join(d, 'gone'), 'w'); os.unlink(gone.name)
held = open(os.path.join(d, 'held'), 'w')
r, w = os.pipe()
pty_master, pty_slave = os.openpty(); counter = os.eventfd(0)
threading.Thread(target=time.sleep, args=(600,), daemon=True).start()
print(s.getsockname()[1], flush=True)
time.sleep(600)
EOF
python3 "$d/holder.py" "$d" > "$d/port" & P=$!; pids+=($P)
for _ in $(seq 200); do [ -s "$d/port" ] && break; sleep 0.05; done
PORT=$(head -1 "$d/port")
R=svy$$
for n in A B; do ln -s /bin/sleep "$d/$R$n"; done
"$d/${R}A" 600 & pids+=($!); "$d/${R}A" 601 & pids+=($!); "$d/${R}B" 600 & pids+=($!)
setpriv --reuid=nobody --regid=nogroup --clear-groups "$d/${R}B" 602 & pids+=($!)
sleep 0.5

# compare TOOL SYSCOPE-COMMAND CHECK-STDERR: reads invocations, one a line, from stdin.
compare() {
  local tool=$1 sub=$2 errs=$3 same=0 differ=0 refused=0 n=0 line
  while IFS= read -r line; do
    [ -z "$line" ] && continue
    eval "set -- $line"; n=$((n+1))
    "$tool" "$@" > "$d/t.out" 2> "$d/t.err"; local tc=$?
    "$S" "$sub" "$@" > "$d/s.out" 2> "$d/s.err"; local sc=$?
    sed -i "s/^syscope $sub:/$tool:/; s/^syscope:/$tool:/; /^Try 'syscope/d" "$d/s.err"
    if grep -q "illegal option\|unknown option\|invalid option\|not supported" "$d/s.err" \
       && ! grep -q "illegal option\|unknown option\|invalid option" "$d/t.err"; then
      refused=$((refused+1)); echo "refused: $tool $line"; continue
    fi
    if [ $tc = $sc ] && cmp -s "$d/t.out" "$d/s.out" && { [ "$errs" = 0 ] || cmp -s "$d/t.err" "$d/s.err"; }; then
      same=$((same+1))
    else
      differ=$((differ+1)); echo "different (exit $tc vs $sc): $tool $line"
      diff "$d/t.out" "$d/s.out" | head -4 | sed 's/^/  /'
    fi
  done
  echo "$tool: $n invocations, $same identical, $differ different, $refused refused"
}

compare lsof files 0 <<EOF
-p $P
-p $P -a -i
-i :$PORT
-i TCP:$PORT -P
-i tcp:$PORT -n -P
-nP -iTCP:$PORT -sTCP:LISTEN
-t -i :$PORT
-i 4 -a -p $P
-i 6 -a -p $P
-iUDP -a -p $P
-i @127.0.0.1 -a -p $P -nP
-i :1-65535 -a -p $P -P
-c python3 -a -d cwd -a -p $P
-c /pyth/ -a -p $P -d txt
-u root -a -p $P -i
-u ^root -a -p $P
-p ^1 -a -p $P -d cwd
-d 0-2 -a -p $P
-d ^mem -a -p $P
-a -p $P -U
-a -p $P -w
-a -p $P -l
-a -p $P -R
-a -p $P -g
-g $P -a -p $P -d cwd
-a -p $P -S 5
-a -p $P -s
-a -p $P -o
-a -p $P -b -w
-a -p $P -F pcfn
-F p -a -p $P -i
-a -p $P +L1
+L1 -a -p $P -nP
-a -p $P +L
-a -p $P -K
-a -p $P -K i
-a -p $P -i -T
-a -p $P -i -Tqs
-a -p $P -i -Tf
-x -a -p $P +D $d
-a -p $P +D $d
-a -p $P +d $d
$d/held
-t $d/held
-r 0 -a -p $P -d cwd
+r 0 -a -p $P -d cwd
-a -p $P -E
+E -a -p $P -d 0-50
-X -a -p $P
-X -U -a -p $P
-s -e /proc -a -p $P
-s +e /dev -a -p $P
-N
-N -a -p $P
-M -a -p $P -d cwd
-a -p $P -n -P
-a -p $P -d txt
EOF

compare pgrep pgrep 1 <<EOF
$R
${R}A
-l $R
-a $R
-f "${R}A 60"
-fl "${R}B 60"
-c $R
-d , $R
-n $R
-o $R
-x ${R}A
-x $R
-i ${R^^}
-u root $R
-u nobody $R
-U nobody $R
-u root,nobody -l $R
-G nogroup $R
-P $$ $R
-v -P $$ -x ${R}A
-w $R
-e $R
-s 0 $R
-g 0 $R
-t pts/999 $R
-lf $R
-af $R
-la ${R}A
--count $R
--list-name $R
--list-full $R
--newest $R
--oldest $R
--exact ${R}A
--ignore-case ${R^^}B
--euid nobody $R
--delimiter : $R
--ns $$ $R
--nslist pid --ns $$ $R
${R}Z
-Z
--nosuch
${R}[
-d
EOF
