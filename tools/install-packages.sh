#!/usr/bin/env bash
# Installs from Debian what the tests and the gates need (strace, lsof, gcc, clang, bpftool and the
# rest of .ci/apt-packages) where it is missing; as another user it says what is missing instead.
set -uo pipefail
cd "$(dirname "$0")/.."

packages=(strace lsof gcc libc6-dev)
[ -f .ci/apt-packages ] && while read -r p; do [ -n "$p" ] && [ "${p#\#}" = "$p" ] && packages+=("$p"); done < .ci/apt-packages
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "not root: cannot install ${missing[*]}; tests that need them will skip" >&2
  fi
fi
