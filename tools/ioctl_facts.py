"""ioctl request names and numbers from the kernel's UAPI headers (linux-libc-dev), for
tools/gen-tables.py --refresh-ioctls.

A request is an object-like macro whose body builds a number with _IO/_IOR/_IOW/_IOWR/_IOC (or a
header's own wrapper of them, or another request's name), or, in the few headers that predate
_IOC, a plain number of the header's request type (TCGETS 0x5401, SIOCGIFNAME 0x8910...). The
values come from the C compiler, by compiling a program per header that prints each macro; a macro
the compiler rejects alone (an incomplete type in its sizeof) is dropped and the rest kept.
"""
import os, re, subprocess, tempfile
from collections import Counter

INCLUDE = "/usr/include"
ARCH_INCLUDE = "/usr/include/x86_64-linux-gnu"
# Header folders holding requests, as strace groups them (drm only where libdrm's headers exist).
FOLDERS = ["linux", "asm-generic", "mtd", "rdma", "sound", "video", "misc", "scsi", "xen", "drm"]
# Headers whose requests are (partly) plain numbers, defined before _IOC existed.
NUMERIC_HEADERS = {"asm-generic/ioctls.h", "asm-generic/sockios.h", "linux/sockios.h", "linux/wireless.h",
                   "linux/kd.h", "linux/cdrom.h", "linux/hdreg.h", "linux/vt.h", "linux/fb.h", "linux/loop.h",
                   "scsi/sg.h", "scsi/scsi.h", "scsi/scsi_ioctl.h"}
# What some headers need before them to compile alone.
BASE = "#include <stddef.h>\n#include <linux/types.h>\n#include <linux/ioctl.h>\n"
PRELUDE = "#include <sys/types.h>\n#include <sys/socket.h>\n#include <sys/time.h>\n#include <stdint.h>\n"

# Names left out as strace 6.1 leaves them out: other architectures' KVM requests, and aliases that
# give another request's number a second name (v4l2-subdev's VIDIOC_SUBDEV_* copies of videodev2's,
# the unsized PPPIOCGIDLE and DMA_BUF_SET_NAME, SCSI's obsolete TAGGED requests, the grant allocator's
# IOCTL_GNTALLOC_*, which reuse the grant device's numbers).
EXCLUDED = re.compile(r"^(KVM_(S390|PPC|ARM)_\w+|VIDIOC_SUBDEV_\w+|PPPIOCGIDLE|DMA_BUF_SET_NAME|SCSI_IOCTL_TAGGED_\w+"
                      r"|IOCTL_GNTALLOC_\w+|SNDRV_SEQ_IOCTL_USER_PVERSION)$")

# Requests older UAPI headers named that linux-libc-dev 6.1 no longer does (or that only the
# kernel's own scsi/sg.h names, glibc's copy being older), which strace 6.1 still prints by name:
# (number, name, header).
OLDER = [(0x80082102, "SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR", "linux/seccomp.h"),
         (0x2289, "SG_GET_ACCESS_COUNT", "scsi/sg.h")]

DEFINE = re.compile(r"^\s*#\s*define\s+([A-Za-z][A-Za-z0-9_]*)(?!\()\s+(.+?)\s*(?:/\*.*)?$")
BUILDS = re.compile(r"\b_?[A-Z0-9]*_?IO(?:C|R|W|WR)?(?:_BAD)?\s*\(")
NUMBER = re.compile(r"^\(?\s*(0x[0-9a-fA-F]+|[1-9][0-9]*)[uUlL]*\s*\)?$")

def headers():
    for folder, base in [(f, INCLUDE) for f in FOLDERS] + [("asm", ARCH_INCLUDE)]:
        top = os.path.join(base, folder)
        for dirpath, _, files in sorted(os.walk(top)):
            for name in sorted(files):
                if name.endswith(".h"):
                    path = os.path.join(dirpath, name)
                    yield os.path.relpath(path, base), path

def candidates(rel, path):
    """The header's macros that may be requests: (name, numeric?)."""
    text = open(path, errors="replace").read().replace("\\\n", " ")
    found, numeric = [], []
    for line in text.splitlines():
        m = DEFINE.match(line)
        if not m or m.group(1).startswith("_"):
            continue
        name, body = m.group(1), m.group(2)
        if EXCLUDED.match(name):
            continue
        if BUILDS.search(body):
            found.append(name)
        elif rel in NUMERIC_HEADERS and NUMBER.match(body):
            value = int(NUMBER.match(body).group(1), 0)
            if 0x100 <= value <= 0xffff:
                numeric.append((name, value))
    # A plain number is a request when it is of the header's most common type byte (a few headers
    # have two: sockios' 0x89 and wireless' 0x8b each stand alone).
    if numeric:
        common = Counter(v >> 8 for _, v in numeric).most_common(1)[0][0]
        found += [n for n, v in numeric if v >> 8 == common]
    return found

def struct_homes():
    """Which header declares each struct, to include where a request's size names another header's."""
    homes = {}
    for rel, path in headers():
        for m in re.finditer(r"^struct\s+(\w+)\s*\{", open(path, errors="replace").read(), re.M):
            homes.setdefault(m.group(1), rel)
    return homes

def evaluate(rel, names, work, homes):
    """Compiles a program printing each name's value, adding the headers of structs the compiler
    finds incomplete; drops names it still rejects."""
    remaining, extra = list(names), []
    for prelude in (BASE, BASE + PRELUDE):
        for _ in range(12):
            src = os.path.join(work, "probe.c")
            includes = prelude + "".join("#include <%s>\n" % h for h in extra + [rel])
            with open(src, "w") as f:
                f.write(includes + "#include <stdio.h>\nint main(void) {\n")
                first = includes.count("\n") + 3
                for n in remaining:
                    f.write('printf("%%s %%#x\\n", "%s", (unsigned int)(%s));\n' % (n, n))
                f.write("return 0;\n}\n")
            exe = os.path.join(work, "probe")
            r = subprocess.run(["gcc", "-w", "-o", exe, src], capture_output=True, text=True)
            if r.returncode == 0:
                out = subprocess.run([exe], capture_output=True, text=True).stdout
                return [(int(v, 16), n) for n, v in (l.split() for l in out.splitlines())]
            wanted = [homes[s] for s in re.findall(r"incomplete type .struct (\w+)", r.stderr) if s in homes]
            wanted = [h for h in dict.fromkeys(wanted) if h not in extra and h != rel]
            if wanted:
                extra += wanted
                continue
            bad = {int(m.group(1)) - first for m in re.finditer(r"probe\.c:(\d+):\d+:", r.stderr)}
            bad = {i for i in bad if 0 <= i < len(remaining)}
            if not bad:
                break
            remaining = [n for i, n in enumerate(remaining) if i not in bad]
        remaining, extra = list(names), []
    return []

def openzfs():
    """tools/syscalls/ioctls-openzfs.txt: OpenZFS's requests, kept by hand (no Linux header has them)."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "syscalls", "ioctls-openzfs.txt")
    for line in open(path):
        if line.strip() and not line.startswith("#"):
            code, name, rel = line.split()
            yield int(code, 16), name, rel

def ioctl_facts_text():
    """tools/syscalls/ioctls.txt: one request a line, `0xCODE NAME HEADER`, by code then name."""
    rows = set()
    homes = struct_homes()
    with tempfile.TemporaryDirectory(prefix="ioctl-facts-") as work:
        for rel, path in headers():
            names = candidates(rel, path)
            if names:
                rows.update((code, name, rel) for code, name in evaluate(rel, names, work, homes))
    rows.update(OLDER)
    rows.update(openzfs())
    seen, lines = set(), []
    for code, name, rel in sorted(rows):
        if (code, name) not in seen:
            seen.add((code, name))
            lines.append("%#010x %s %s" % (code, name, rel))
    return ("# ioctl requests from the UAPI headers (linux-libc-dev), written by gen-tables.py --refresh-ioctls\n"
            + "\n".join(lines) + "\n")
