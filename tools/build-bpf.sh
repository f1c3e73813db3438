#!/bin/bash
# Compiles src/Syscope/Bpf/syscope.bpf.c into syscope.bpf.o, the object committed beside it and
# embedded in syscope, so that building syscope needs no clang.  syscope.bpf.o.sum records the
# compiler and a hash of the sources.
#   tools/build-bpf.sh           regenerate the object and its .sum
#   tools/build-bpf.sh --check   fail when the committed object does not match the sources: with
#                                the same clang, the object is rebuilt and compared byte for byte;
#                                with another clang (or none), the sources' hash is compared
# The build is deterministic: paths are relative and the DWARF is stripped (BTF stays, for CO-RE).
set -eu
cd "$(dirname "$0")/.."
dir=src/Syscope/Bpf
obj=$dir/syscope.bpf.o
sum=$dir/syscope.bpf.o.sum
sources_hash() { cat $dir/syscope.bpf.c $dir/syscope.h | sha256sum | cut -d' ' -f1; }
compiler() { clang --version | head -1; }

build() {  # build OUTPUT
    local multiarch
    multiarch=$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)
    clang -O2 -g -target bpf -mcpu=v3 -I/usr/include/"$multiarch" -fdebug-prefix-map="$PWD"=. \
        -Wall -Werror -c $dir/syscope.bpf.c -o "$1"
    llvm-strip -g "$1"
}

if [ "${1:-}" != "--check" ]; then
    build $obj
    printf 'clang: %s\nsources: %s\n' "$(compiler)" "$(sources_hash)" > $sum
    echo "wrote $obj ($(stat -c %s $obj) bytes)"
    exit 0
fi

recorded_hash=$(sed -n 's/^sources: //p' $sum)
if [ "$recorded_hash" != "$(sources_hash)" ]; then
    echo "build-bpf: $obj is stale: syscope.bpf.c or syscope.h changed since it was built; run tools/build-bpf.sh" >&2
    exit 1
fi
if ! command -v clang >/dev/null; then
    echo "build-bpf: no clang here; the sources' hash matches $sum"
    exit 0
fi
if [ "$(sed -n 's/^clang: //p' $sum)" != "$(compiler)" ]; then
    echo "build-bpf: $obj was built by $(sed -n 's/^clang: //p' $sum), not $(compiler); the sources' hash matches"
    exit 0
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
build "$tmp/syscope.bpf.o"
if ! cmp -s "$tmp/syscope.bpf.o" $obj; then
    echo "build-bpf: $obj differs from what $(compiler) makes of the sources; run tools/build-bpf.sh" >&2
    exit 1
fi
echo "build-bpf: $obj matches its sources"
