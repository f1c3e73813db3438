#!/usr/bin/env bash
# Every option and option form of strace 6.1's man page (issue 12's survey), each run under
# Debian's strace and under `syscope trace` on the same small programs: options.c from the tests
# (a file opened, read and closed, a failed open, a mapping, writes, getpid, exit status 3), a
# shell that forks and execs, and for -p a sleep started for each tracer.  An invocation is
# identical when the exit status, stdout, stderr and the -o file agree after masking what changes
# between two runs of one program: pids, addresses, instruction pointers, the digits of times
# (their widths still count) and -c's time columns, and the tracer's own name; refused when
# syscope rejects what strace accepts; different otherwise, with the first lines that differ.
#
#   tools/strace-option-survey.sh [--syscope PATH] [-v]
#
# Needs strace, gcc and sh.  Prints one line per invocation that is not identical (every one with
# -v), then the totals.
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
S=$repo/src/Syscope.Cli/bin/Release/net10.0/linux-x64/syscope
verbose=
while [ $# -gt 0 ]; do
  case "$1" in
    --syscope) S=$2; shift 2 ;;
    -v) verbose=1; shift ;;
    *) echo "usage: $0 [--syscope PATH] [-v]" >&2; exit 2 ;;
  esac
done
d=$(mktemp -d /tmp/syscope-strace-survey-XXXXXX)
trap 'rm -rf "$d"' EXIT
gcc -O1 -o "$d/prog" "$repo/tests/Syscope.Tests/Programs/options.c" || exit 1
P=$d/prog
OUT=$d/out

# What changes from run to run: the same rules as tests/Syscope.Tests/Differential/StraceOptionsTests.
mask() {
  sed -E \
    -e 's/(strace|syscope trace|syscope): /TRACER: /g' \
    -e "s/Try 'syscope trace -h'/Try 'strace -h'/" \
    -e "s#$d#DIR#g" \
    -e 's/0x[0-9a-f]{6,}/0xADDR/g' \
    -e 's/\[[0-9a-f]{16}\]/[IP]/g' \
    -e 's/\b[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?\b/HH:MM:SS/g' \
    -e 's/\b1[0-9]{9}(\.[0-9]+)?\b/EPOCH/g' \
    -e 's/<[0-9]+(\.[0-9]+)?>/<T>/g' \
    -e 's/^ *[0-9]+\.[0-9]+ +[0-9]+\.[0-9]+ +[0-9]+ +/  TIMES /' \
    -e 's/^( *)[0-9]+\.[0-9]+ /\1R /' \
    -e 's/(getpid\(\) += |set_tid_address\(.*\) += |Process |\[pid +|si_pid=|vfork\(\) += |clone\(.*\) += |clone3\(.*\) += |wait4\(.*\) += |-p |attach=|^)[0-9]{2,}/\1PID/g'
}

# run TRACER ARGS...: one tracer's run, masked, into $d/$name.{rc,out,err,file}.
run() {
  local name=$1; shift
  printf 'a line from before\n' > "$OUT"
  local args=() a
  for a in "$@"; do args+=("${a//\{out\}/$OUT}"); done
  local sleeper=
  if [[ " ${args[*]} " == *" {pid} "* || " ${args[*]} " == *"={pid}"* ]]; then
    sleep 0.4 & sleeper=$!
    for i in "${!args[@]}"; do args[$i]=${args[$i]//\{pid\}/$sleeper}; done
  fi
  timeout 20 "${args[@]}" > "$d/$name.out.raw" 2> "$d/$name.err.raw" < /dev/null
  echo $? > "$d/$name.rc"
  [ -n "$sleeper" ] && wait "$sleeper" 2>/dev/null
  local order=cat
  # -c's rows go by time, which changes between runs: compare them as a set.
  [[ " ${args[*]} " =~ \ (-c|-C|-w|--summary[a-z=-]*|-S|-U)\  ]] && order=sort
  mask < "$d/$name.out.raw" | $order > "$d/$name.out"
  mask < "$d/$name.err.raw" | $order > "$d/$name.err"
  mask < "$OUT" > "$d/$name.file"
}

same=0 differ=0 refused=0 n=0
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  eval "set -- $line"
  n=$((n+1))
  run strace strace "$@"
  run syscope "$S" trace "$@"
  if grep -q "not supported\|unrecognized option\|invalid option" "$d/syscope.err" \
     && ! grep -q "not supported\|unrecognized option\|invalid option" "$d/strace.err"; then
    refused=$((refused+1)); echo "refused: $line"; head -2 "$d/syscope.err" | sed 's/^/  /'; continue
  fi
  if cmp -s "$d/strace.rc" "$d/syscope.rc" && cmp -s "$d/strace.out" "$d/syscope.out" \
     && cmp -s "$d/strace.err" "$d/syscope.err" && cmp -s "$d/strace.file" "$d/syscope.file"; then
    same=$((same+1)); [ -n "$verbose" ] && echo "identical: $line"
  else
    differ=$((differ+1)); echo "different (exit $(cat "$d/strace.rc") vs $(cat "$d/syscope.rc")): $line"
    for part in out err file; do
      cmp -s "$d/strace.$part" "$d/syscope.$part" || diff "$d/strace.$part" "$d/syscope.$part" | head -4 | cut -c1-160 | sed "s/^/  $part /"
    done
  fi
done < <(sed "s#\\\$P#$P#g" <<'EOF'
# Output: columns, file, append, pipes, per-process files
-a 20 -e trace=close $P
-a20 -e trace=close $P
--columns=50 -e trace=close $P
-a0 -e trace=close $P
-o {out} -e trace=close $P
--output={out} -e trace=close $P
-A -o {out} -e trace=close $P
--output-append-mode -o {out} -e trace=close $P
-o {out} /nonexistent/program
-o |cat -e trace=close true
-o !cat -e trace=close true
-ff -o {out} -e trace=execve sh -c "true"
--output-separately -o {out} -e trace=execve true
# Instruction pointer, numbers, stack traces
-i -e trace=close $P
--instruction-pointer -e trace=close,openat $P
-n -e trace=close $P
-n $P
--syscall-number -e trace=openat,getpid $P
-k -e trace=getpid $P
--stack-traces -e trace=getpid $P
# Timestamps in every form
-t -e trace=close $P
-tt -e trace=close $P
-ttt -e trace=close $P
--timestamps -e trace=close $P
--timestamps=time -e trace=close $P
--timestamps=unix -e trace=close $P
--timestamps=format:unix -e trace=close $P
--timestamps=format:time,precision:ms -e trace=close $P
--timestamps=precision:ns -e trace=close $P
--timestamps=precision:us -e trace=close $P
--timestamps=s -e trace=close $P
--timestamps=unix,us -e trace=close $P
--timestamps=none -e trace=close $P
--absolute-timestamps -e trace=close $P
--absolute-timestamps=format:unix,precision:ns -e trace=close $P
--absolute-timestamps=precision:s -e trace=close $P
-r -e trace=close $P
--relative-timestamps -e trace=close $P
--relative-timestamps=s -e trace=close $P
--relative-timestamps=ms -e trace=close $P
--relative-timestamps=us -e trace=close $P
--relative-timestamps=ns -e trace=close $P
-T -e trace=close $P
--syscall-times -e trace=close $P
--syscall-times=s -e trace=close $P
--syscall-times=ms -e trace=close $P
--syscall-times=us -e trace=close $P
--syscall-times=ns -e trace=close $P
-tt -T -e trace=close $P
# Strings
-s 4 -e trace=write $P
--string-limit=4 -e trace=write $P
-s 0 -e trace=write $P
-x -e trace=write $P
-xx -e trace=write $P
--strings-in-hex -e trace=write $P
--strings-in-hex=all -e trace=write $P
--strings-in-hex=non-ascii -e trace=write $P
--strings-in-hex=non-ascii-chars -e trace=write $P
--strings-in-hex=none -e trace=write $P
# Structures and constants
-v -e trace=newfstatat,mmap $P
--no-abbrev -e trace=mmap $P
-X raw -e trace=openat,mmap $P
-X abbrev -e trace=openat,mmap $P
-X verbose -e trace=openat,mmap $P
--const-print-style=raw -e trace=openat $P
-e abbrev=none -e trace=mmap $P
-e abbrev=all -e trace=mmap $P
--abbrev=none -e trace=mmap $P
-e verbose=none -e trace=newfstatat $P
--verbose=none -e trace=newfstatat $P
-e raw=close -e trace=close $P
-e raw=all -e trace=openat $P
--raw=openat -e trace=openat $P
# Descriptors and pids
-y -e trace=read,close $P
-yy -e trace=read,close $P
--decode-fds -e trace=read $P
--decode-fds=path -e trace=read $P
--decode-fds=all -e trace=read $P
--decode-fds=socket,dev -e trace=read $P
--decode-fds=none -e trace=read $P
-e decode-fds=path -e trace=read $P
-Y -e trace=getpid $P
--decode-pids=comm -e trace=getpid $P
--decode-pids=pidns -e trace=getpid $P
-e decode-pids=comm -e trace=getpid $P
--pidns-translation -e trace=getpid $P
# Filtering: trace sets, classes, regexes, negation, personalities
$P
-e trace=openat $P
-e openat $P
--trace=openat,close $P
-e trace=!openat $P
-e trace=none $P
-e trace=all $P
-e trace=/^op $P
-e trace=?bogus,close $P
-e trace=%file $P
-e trace=file $P
-e trace=%desc $P
-e trace=desc $P
-e trace=%process $P
-e trace=process $P
-e trace=%network $P
-e trace=network $P
-e trace=%memory $P
-e trace=memory $P
-e trace=%ipc $P
-e trace=%signal $P
-e trace=%creds $P
-e trace=%clock $P
-e trace=%stat $P
-e trace=%lstat $P
-e trace=%fstat $P
-e trace=%%stat $P
-e trace=%statfs $P
-e trace=%fstatfs $P
-e trace=%%statfs $P
-e trace=%pure $P
-e trace=openat@64 $P
-e trace=openat@32 $P
-e trace=openat@x32,close@64 $P
-e trace=%file@64 $P
-P /etc/hostname $P
--trace-path=/etc/hostname $P
-e trace-fds=3 $P
-z $P
--successful-only $P
-Z $P
--failed-only $P
-e status=successful $P
-e status=failed $P
-e status=unfinished $P
-e status=!failed $P
-e status=unavailable $P
-e status=detached $P
-e status=none $P
--status=failed $P
# Signals, messages
-e signal=none -e trace=none sh -c "kill -USR1 \$\$; true"
-e signal=SIGUSR1 -e trace=none sh -c "kill -USR1 \$\$; true"
-e signal=!SIGUSR1 -e trace=none sh -c "kill -USR1 \$\$; true"
--signal=USR1 -e trace=none sh -c "kill -USR1 \$\$; true"
-q -e trace=close $P
-qq -e trace=close $P
-qqq -e trace=close $P
--quiet -e trace=close $P
--quiet=attach,exit -e trace=close $P
-e quiet=all -e trace=close $P
--silence=attach -e trace=close $P
--silent=exit -e trace=close $P
-e quiet=personality -e trace=close $P
-e quiet=thread-execve -e trace=close $P
-e quiet=path-resolution -e trace=close $P
# Dumps
-e read=3 -e trace=read $P
-e read=all -e trace=read $P
-e write=1 -e trace=write $P
-e write=all -e trace=write $P
--read=3 -e trace=read $P
--write=1 -e trace=write $P
# Injection and faults
-e inject=close:error=EBADF -e trace=close $P
-e inject=getpid:retval=42 -e trace=getpid $P
-e inject=getpid:retval=42:when=1 -e trace=getpid $P
-e inject=openat:error=ENOENT:when=2+ -e trace=openat $P
-e inject=openat:error=ENOENT:when=1..2 -e trace=openat $P
-e inject=getpid:signal=SIGUSR1 -e trace=getpid $P
-e inject=getpid:delay_enter=10 -e trace=getpid $P
-e inject=getpid:delay_exit=10 -e trace=getpid $P
-e inject=getpid:delay_enter=10:retval=5 -e trace=getpid $P
-e inject=getpid:syscall=getppid -e trace=getpid $P
-e trace=write -e inject=write:poke_enter=@arg2=414243 $P
-e trace=write -e inject=write:poke_exit=@arg2=414243:when=1 $P
--inject=getpid:retval=7 -e trace=getpid $P
-e fault=close -e trace=close $P
-e fault=close:error=EIO -e trace=close $P
-e fault=openat:when=2 -e trace=openat $P
--fault=close:error=EINTR -e trace=close $P
# KVM
-e kvm=vcpu -e trace=close $P
--kvm=vcpu -e trace=close $P
# Processes: follow, detach on execve, environment, user, attach, daemonize
-f -e trace=execve,exit_group sh -c "/bin/true; echo done"
--follow-forks -e trace=execve sh -c "/bin/true"
-F -e trace=close $P
--follow -e trace=close $P
-f -b execve -e trace=execve,exit_group sh -c "/bin/true; echo done"
-f --detach-on=execve -e trace=execve sh -c "/bin/true"
-E FOO=bar -E HOME -e trace=none sh -c "echo \$FOO \${HOME-unset}"
--env=FOO=baz -e trace=none sh -c "echo \$FOO"
-E FOO -e trace=none sh -c "echo \${FOO-unset}"
-u root -e trace=getuid id -u
--user=root -e trace=none id -u
-p {pid} -e trace=none
--attach={pid} -e trace=none
-p {pid} -e trace=nanosleep,clock_nanosleep
-D -e trace=none sh -c "echo daemonized"
-DD -e trace=none sh -c "echo daemonized"
-DDD -e trace=none sh -c "echo daemonized"
--daemonize -e trace=none sh -c "echo daemonized"
--daemonize=grandchild -e trace=none sh -c "echo daemonized"
--daemonize=pgroup -e trace=none sh -c "echo daemonized"
--daemonize=session -e trace=none sh -c "echo daemonized"
-I 1 -e trace=close $P
-I 2 -e trace=close $P
-I 3 -e trace=close $P
-I 4 -e trace=close $P
-I never -e trace=close $P
--interruptible=anywhere -e trace=close $P
--interruptible=waiting -e trace=close $P
--interruptible=never_tstp -e trace=close $P
--seccomp-bpf -f -e trace=close $P
--seccomp-bpf -e trace=close $P
--syscall-limit=2 $P
--syscall-limit=3 -e trace=close,openat $P
--kill-on-exit -e trace=close $P
# Summaries
-c $P
-C -e trace=close $P
--summary-only $P
--summary -e trace=close $P
-c -S calls $P
-c -S name $P
-c -S nothing $P
-c -S errors $P
--summary-sort-by=calls -c $P
-c -U name,calls,errors $P
-c -U calls,name $P
--summary-columns=name,calls -c $P
-c -w $P
--summary-wall-clock -c $P
-O 1s -w -c -e trace=close,read $P
--summary-syscall-overhead=1000000 -w -c -e trace=close $P
-c -e trace=close -f sh -c "/bin/true"
# Debug, help, version, tips
-d -e trace=none true
--debug -e trace=none true
-h
--help
-V
--version
--tips -e trace=close $P
--tips=id:3,format:none -e trace=close $P
--tips=random,format:compact -e trace=close $P
# Long options shortened, abbreviations
--string-lim=4 -e trace=write $P
--follow-f -e trace=execve true
--out={out} -e trace=close $P
# Usage errors: strace's words and its pointer to -h
--bogus
-Q
-a -1
-a x
--columns=
--timestamps=bogus
--timestamps=precision:xs
-t --timestamps
--relative-timestamps=xs
--syscall-times=format:ms
--strings-in-hex=bogus
-O x
-b fork
-e trace=bogus@32
-e trace=creds
-I 5
--interruptible=sometimes
-e trace=bogus $P
-e bogus=1 $P
-e signal=SIGBOGUS $P
-e status=bogus $P
-e quiet=bogus $P
-e decode-fds=bogus $P
-e kvm=all $P
-e inject=close $P
-e inject=close:error=EBOGUS $P
-e fault=close:retval=1 $P
-p 0
-p -1
-p bogus-no-such-process
-u nosuchuser true
-s -1 $P
-S bogus -c $P
-U bogus -c $P
-o {out} -ff -o {out} true
-c -C true
-D -p 1
-x -x -x true
--seccomp-bpf -p 1
EOF
)
echo "strace: $n invocations, $same identical, $differ different, $refused refused"
