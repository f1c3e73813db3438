#!/usr/bin/env bash
# Runs strace 6.1's own test suite against syscope (issue 17): fetches Debian's strace source
# package, builds strace and its test programs, runs the suite once with the built strace (the
# baseline: what passes on this kernel) and once with syscope as $STRACE, then prints the share of
# the baseline's tests that syscope passes and its failures grouped by cause. strace's tests are an
# oracle fetched at run time, like the strace package: nothing of them is kept in this repository.
#
#   tools/strace-suite.sh [--syscope PATH] [--min-pass N] [--without-a] [--rebaseline] [TEST...]
#   tools/strace-suite.sh --ratchet FILE [--syscope PATH]
#   tools/strace-suite.sh --write-ratchet FILE [--syscope PATH]
#
#   --syscope PATH  the syscope binary (default: dist/syscope, else the Release build, built if absent)
#   --min-pass N    fail unless at least N of the baseline's tests pass with syscope (CI's ratchet)
#   --without-a     drop -aN from every command line, to see what the -a refusal hides
#   --rebaseline    run the baseline again even if one was kept for this kernel
#   TEST...         run only these tests (names as in the suite: read-write.gen, ioctl_loop.gen...)
#   --ratchet FILE  CI's check: run only the tests FILE lists (those that passed with strace and
#                   syscope when it was written) without a baseline run, and fail unless at least
#                   its "min-pass: N" of them pass (tools/strace-suite-ratchet.txt)
#   --write-ratchet FILE  after a whole run, write the tests syscope passed as FILE, the ratchet
#
# The source, the build and the baseline's results are kept in $SYSCOPE_STRACE_SUITE_CACHE
# (default $XDG_CACHE_HOME/syscope-strace-suite, else /var/tmp/syscope-strace-suite), so a second
# run only runs the suite under syscope. Needs root (apt-get source, and many tests need it).
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)

syscope= min_pass= without_a= rebaseline= ratchet= write_ratchet= tests=()
while [ $# -gt 0 ]; do
  case "$1" in
    --syscope) syscope=$2; shift 2 ;;
    --min-pass) min_pass=$2; shift 2 ;;
    --without-a) without_a=1; shift ;;
    --rebaseline) rebaseline=1; shift ;;
    --ratchet) ratchet=$(realpath "$2") || exit 2; shift 2 ;;
    --write-ratchet) write_ratchet=$(realpath -m "$2"); shift 2 ;;
    -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "strace-suite: unknown option $1" >&2; exit 2 ;;
    *) tests+=("$1"); shift ;;
  esac
done

cache=${SYSCOPE_STRACE_SUITE_CACHE:-${XDG_CACHE_HOME:+$XDG_CACHE_HOME/syscope-strace-suite}}
cache=${cache:-/var/tmp/syscope-strace-suite}
mkdir -p "$cache" || exit 1
exec 9>"$cache/lock"
# Runs share one build folder, so they take turns: a second run waits (up to an hour) for the first.
if ! flock -n 9; then
  echo "strace-suite: waiting for another run to finish (it holds $cache/lock)" >&2
  flock -w 3600 9 || { echo "strace-suite: another run held $cache/lock for an hour" >&2; exit 1; }
fi

src=$cache/strace-6.1
# Each test may hang under a tracer that gets it wrong; strace's own limit is 25 minutes.
export TIMEOUT_DURATION=${TIMEOUT_DURATION:-60}
phase_start=0
phase() { phase_start=$SECONDS; echo "== $1"; }
phase_end() { echo "   $1: $((SECONDS - phase_start)) s"; }
heavy() { nice -n 10 "$@"; }

# 1. The source: Debian's strace source package, from the archive apt already uses, through a
# private apt configuration (a deb-src list and package lists in a temporary folder), so the
# machine's own sources and lists are never touched.
if [ ! -x "$src/configure" ]; then
  phase "fetching Debian's strace 6.1 source package"
  for p in dpkg-dev xz-utils gcc make; do dpkg -s "$p" >/dev/null 2>&1 || need+=" $p"; done
  [ -n "${need:-}" ] && { apt-get update -qq >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null; }
  apt_dir=$(mktemp -d)
  mkdir -p "$apt_dir/lists/partial"
  found=
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && grep -q '^URIs:.*debian' "$f" && { sed 's/^Types: deb$/Types: deb-src/' "$f" > "$apt_dir/debian.sources"; found=1; break; }
  done
  if [ -z "$found" ] && [ -f /etc/apt/sources.list ]; then
    grep -E '^deb .*debian' /etc/apt/sources.list | sed 's/^deb /deb-src /' > "$apt_dir/debian.list"
  fi
  apt_opts=(-q -o APT::Sandbox::User=root -o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$apt_dir"
            -o "Dir::State::Lists=$apt_dir/lists")
  work=$(mktemp -d "$cache/fetch.XXXXXX")
  if apt-get "${apt_opts[@]}" update >"$work/apt.log" 2>&1 && (cd "$work" && apt-get "${apt_opts[@]}" source strace >>apt.log 2>&1) \
     && [ -x "$work"/strace-6.1/configure ]; then
    rm -rf "$src" && mv "$work/strace-6.1" "$src" && rm -rf "$work" "$apt_dir"
  else
    cat "$work/apt.log"; rm -rf "$work" "$apt_dir"
    # A distinct status, so CI can tell "no archive here" from a failing suite.
    echo "strace-suite: could not get strace 6.1's source package from Debian's archive" >&2; exit 75
  fi
  phase_end "fetch"
fi

# 2. strace and its test programs (Debian's kernel headers break one file without the bundled
# ones; -Werror would stop on warnings this compiler finds).
if [ ! -f "$src/.built" ]; then
  phase "building strace (configure, make -j2)"
  (cd "$src" && heavy ./configure --enable-mpers=no --disable-gcc-Werror --enable-bundled=yes >"$cache/configure.log" 2>&1 \
    && heavy make -j2 >"$cache/make.log" 2>&1) || { tail -20 "$cache/make.log" "$cache/configure.log" 2>/dev/null; exit 1; }
  touch "$src/.built"
  phase_end "build strace"
fi
if [ ! -f "$src/.tests-built" ]; then
  phase "building the test programs (make -C tests check TESTS=)"
  (cd "$src" && heavy make -j2 -C tests check TESTS= >"$cache/tests-build.log" 2>&1) || { tail -20 "$cache/tests-build.log"; exit 1; }
  touch "$src/.tests-built"
  phase_end "build tests"
fi

# Runs the suite (or the named tests) with $STRACE=$1 and keeps every test's .log and .trs in $2.
run_suite() {
  local strace=$1 out=$2 list=()
  rm -rf "$out" && mkdir -p "$out"
  (cd "$src/tests" && rm -f ./*.log ./*.trs)
  [ ${#tests[@]} -gt 0 ] && list=("TESTS=${tests[*]/%/.test}")
  (cd "$src" && STRACE=$strace heavy make -k -j2 -C tests check "${list[@]}" >"$out/make.log" 2>&1)
  (cd "$src/tests" && mv ./*.log ./*.trs "$out"/ 2>/dev/null)
  end_leftovers
  (cd "$src/tests" && rm -rf ./*.dir)
}

# A test whose tracer failed to end it (attach tests under -p) leaves its program running, in
# the test's folder: end exactly those, found by their working directory.
end_leftovers() {
  local p cwd
  for p in /proc/[0-9]*; do
    cwd=$(readlink "$p/cwd" 2>/dev/null) || continue
    case "$cwd" in "$src/tests/"*) kill -KILL "${p#/proc/}" 2>/dev/null ;; esac
  done
}

# 3. The baseline: the tests strace itself passes on this kernel, kept per kernel (a ratchet's
# list stands for it).
baseline=$cache/results/strace-$(uname -r)
if [ -n "$ratchet" ]; then
  baseline=$ratchet
  mapfile -t tests < <(python3 "$repo/tools/strace-suite-causes.py" --ratchet-tests "$ratchet")
elif [ -n "$rebaseline" ] || [ ! -f "$baseline/test-suite.log" ]; then
  phase "running the suite with strace 6.1 itself (the baseline)"
  saved=("${tests[@]}"); tests=()
  run_suite "$src/src/strace" "$baseline"
  tests=("${saved[@]}")
  phase_end "suite with strace"
fi

# 4. The suite with syscope as strace: a wrapper named strace, so syscope behaves as `syscope
# trace` and says "strace:" in its messages, as tests that match messages by $STRACE_EXE expect.
if [ -z "$syscope" ]; then
  for c in "$repo/dist/syscope" "$repo/src/Syscope.Cli/bin/Release/net10.0/linux-x64/syscope"; do
    [ -x "$c" ] && { syscope=$c; break; }
  done
  if [ -z "$syscope" ]; then
    phase "building syscope"
    heavy dotnet build "$repo/src/Syscope.Cli" -c Release 2>&1 | grep -E ' error |Build succeeded'
    syscope=$repo/src/Syscope.Cli/bin/Release/net10.0/linux-x64/syscope
    phase_end "build syscope"
  fi
fi
[ -x "$syscope" ] || { echo "strace-suite: no syscope binary at $syscope" >&2; exit 1; }
syscope=$(realpath "$syscope")
wrap=$(mktemp -d)
trap 'rm -rf "$wrap"' EXIT
{
  echo '#!/bin/bash'
  # tests/run.sh checks `$STRACE -V` before every test and calls a refusal a framework failure,
  # which would hide everything else: while syscope refuses -V, the wrapper answers it.
  if ! "$syscope" trace -V >/dev/null 2>&1; then
    echo '[ "$#" = 1 ] && [ "$1" = -V ] && { echo "strace -- version 6.1"; exit 0; }'
    echo "note: syscope refuses -V, which makes every test a framework failure; the wrapper answers -V to measure the rest" >&2
  fi
  if [ -n "$without_a" ]; then
    echo 'args=(); for a in "$@"; do [[ "$a" =~ ^-a[0-9]+$ ]] || args+=("$a"); done; set -- "${args[@]}"'
  fi
  echo "exec -a \"\$0\" $(printf %q "$syscope") \"\$@\""
} >"$wrap/strace"
chmod 755 "$wrap" "$wrap/strace"
# Nothing to adapt: a link named strace, as install-links makes.  A bash wrapper would stand
# between the tests and syscope, and bash unblocks SIGCHLD before its exec (sigblock checks that
# the command inherits its tracer's caller's mask) and leaves syscope's own name "syscope".
if [ -z "$without_a" ] && "$syscope" trace -V >/dev/null 2>&1; then
  ln -sf "$syscope" "$wrap/strace"
fi

# A run of named tests keeps its results apart (a folder per run), so it never overwrites the
# last whole run's.
results=$cache/results/syscope${tests[0]:+-subset-$$}
phase "running the suite with syscope ($syscope${without_a:+, -a dropped}) into $results"
run_suite "$wrap/strace" "$results"
phase_end "suite with syscope"

# 5. The figures and the causes.
python3 "$repo/tools/strace-suite-causes.py" "$baseline" "$results" ${min_pass:+--min-pass "$min_pass"} ${write_ratchet:+--write-ratchet "$write_ratchet"} | tee "$results/causes.txt"
exit "${PIPESTATUS[0]}"
