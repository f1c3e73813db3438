#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the tests need (Debian packages),
# builds everything, runs xunit, and ends with "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

bash tools/install-packages.sh
# Kernel tables are regenerated from tracefs where it can be mounted; it is not needed to test.
mountpoint -q /sys/kernel/tracing 2>/dev/null || mount -t tracefs nodev /sys/kernel/tracing 2>/dev/null || true

log=$(mktemp)
# Everything the tests write goes under one folder of this run (tests/Syscope.Tests/Infrastructure/
# RunFolder.cs); it must be empty when they end.
SYSCOPE_TEST_TMP=$(mktemp -d /tmp/syscope-XXXXXX)
chmod 755 "$SYSCOPE_TEST_TMP"
export SYSCOPE_TEST_TMP
# Only src and the tests: the benchmarks' dependencies (BenchmarkDotNet) are not restored here.
dotnet test tests/Syscope.Tests -c Release 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
if [ -n "$(ls -A "$SYSCOPE_TEST_TMP")" ]; then
  echo "the tests left files behind in $SYSCOPE_TEST_TMP:"
  ls -lA "$SYSCOPE_TEST_TMP"
  rc=1
fi
rm -rf "$SYSCOPE_TEST_TMP"
# dotnet test prints one summary per test assembly: "Passed!  - Failed: 0, Passed: 23, Skipped: 0, ..."
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- Failed: ' "$log" | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\2 \1 \3/' \
  | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "the build, the test host or the clean-up failed (exit $rc)"; fi
rm -f "$log"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$rc" -eq 0 ] && [ "$failed" -eq 0 ]
