#!/usr/bin/env python3
"""Generates syscope's kernel tables from kernel facts on this machine.

Sources:
  * syscall numbers and names: <asm/unistd_64.h> (linux-libc-dev)
  * argument names and C types: tracefs events/syscalls/sys_enter_*/format
    (the running kernel's own SYSCALL_DEFINE metadata)
  * errno numbers: <asm-generic/errno-base.h>, <asm-generic/errno.h>;
    messages from the C library's strerror(), as strace prints them;
    kernel-internal restart codes (>= 512) from include/linux/errno.h.

Run as root (tracefs needs it):  python3 tools/gen-tables.py
CI checks the checked-in output still matches a fresh run where tracefs is readable.
"""
import os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UNISTD = "/usr/include/x86_64-linux-gnu/asm/unistd_64.h"
TRACEFS = "/sys/kernel/tracing/events/syscalls"
ERRNO_HEADERS = ["/usr/include/asm-generic/errno-base.h", "/usr/include/asm-generic/errno.h"]

# Syscalls the kernel defines without SYSCALL_DEFINE metadata (arch entry points,
# or built without tracepoints).  Facts from arch/x86/entry/syscalls/syscall_64.tbl
# and the man pages' prototypes.
MANUAL_ARGS = {
    "rt_sigreturn": [],
    "restart_syscall": [],
    "fork": [],
    "vfork": [],
    "clone": [("unsigned long", "clone_flags"), ("unsigned long", "newsp"), ("int *", "parent_tidptr"),
              ("int *", "child_tidptr"), ("unsigned long", "tls")],
    "arch_prctl": [("int", "option"), ("unsigned long", "arg2")],
    "iopl": [("unsigned int", "level")],
    "modify_ldt": [("int", "func"), ("void *", "ptr"), ("unsigned long", "bytecount")],
    "mmap": [("unsigned long", "addr"), ("unsigned long", "len"), ("unsigned long", "prot"),
             ("unsigned long", "flags"), ("unsigned long", "fd"), ("unsigned long", "off")],
    "uselib": [("const char *", "library")],
    "init_module": [("void *", "umod"), ("unsigned long", "len"), ("const char *", "uargs")],
    "finit_module": [("int", "fd"), ("const char *", "uargs"), ("int", "flags")],
    "delete_module": [("const char *", "name_user"), ("unsigned int", "flags")],
    "kexec_load": [("unsigned long", "entry"), ("unsigned long", "nr_segments"),
                   ("struct kexec_segment *", "segments"), ("unsigned long", "flags")],
    "kexec_file_load": [("int", "kernel_fd"), ("int", "initrd_fd"), ("unsigned long", "cmdline_len"),
                        ("const char *", "cmdline_ptr"), ("unsigned long", "flags")],
    "set_thread_area": [("struct user_desc *", "u_info")],
    "get_thread_area": [("struct user_desc *", "u_info")],
    "lookup_dcookie": [("u64", "cookie64"), ("char *", "buf"), ("size_t", "len")],
}

# strace's view of calls the kernel no longer implements (no metadata, so strace's own argument
# count decides how many registers print, as kernel_ulong_t in hex) or whose arguments it folds (preadv and
# pwritev print one 64-bit offset where the kernel takes pos_l and pos_h).  Checked with
# `strace -e raw=all` on a program making every syscall.
STRACE_ARG_COUNTS = {
    "_sysctl": 1, "create_module": 2, "get_kernel_syms": 1, "query_module": 5, "nfsservctl": 3,
    "getpmsg": 5, "putpmsg": 5, "afs_syscall": 5, "tuxcall": 3, "security": 3,
    "epoll_ctl_old": 4, "epoll_wait_old": 4, "vserver": 5,
    "preadv": 4, "pwritev": 4,
}

def strace_args(name, args):
    n = STRACE_ARG_COUNTS.get(name)
    if n is None:
        return args
    if name == "_sysctl":
        return [("struct __sysctl_args *", "args")]
    if args:
        return args[:n - 1] + [("loff_t", "pos")] if name in ("preadv", "pwritev") else args[:n]
    return [("kernel_ulong_t", "arg%d" % i) for i in range(n)]

def read_unistd():
    table = {}
    with open(UNISTD) as f:
        for line in f:
            m = re.match(r"#define __NR_(\w+)\s+(\d+)", line)
            if m:
                table[int(m.group(2))] = m.group(1)
    return table

# x86_64 table names whose SYSCALL_DEFINE carries another name.
TRACEFS_ALIASES = {"stat": "newstat", "fstat": "newfstat", "lstat": "newlstat",
                   "sendfile": "sendfile64", "uname": "newuname", "umount2": "umount"}

def read_tracefs(name):
    name = TRACEFS_ALIASES.get(name, name)
    path = os.path.join(TRACEFS, "sys_enter_" + name, "format")
    if not os.path.exists(path):
        return None
    args = []
    with open(path) as f:
        for line in f:
            m = re.match(r"\s*field:(.+?);\s*offset:(\d+);", line)
            if not m:
                continue
            decl = m.group(1).strip()
            if "common_" in decl or "__syscall_nr" in decl:
                continue
            dm = re.match(r"(.*?)(\w+)$", decl)
            ctype, aname = dm.group(1).strip(), dm.group(2)
            args.append((ctype.replace(" __user", ""), aname))
    return args

def read_errno():
    import ctypes
    libc = ctypes.CDLL(None)
    libc.strerror.restype = ctypes.c_char_p
    entries = {}
    for h in ERRNO_HEADERS:
        with open(h) as f:
            for line in f:
                m = re.match(r"#define\s+(E\w+)\s+(\d+)", line)
                if m and int(m.group(2)) not in entries:
                    n = int(m.group(2))
                    entries[n] = (m.group(1), libc.strerror(n).decode())
    # Kernel-internal codes that can leak to a tracer (include/linux/errno.h);
    # the wording is the one tracers have always shown for them.
    internal = {
        512: ("ERESTARTSYS", "To be restarted if SA_RESTART is set"),
        513: ("ERESTARTNOINTR", "To be restarted"),
        514: ("ERESTARTNOHAND", "To be restarted if no handler"),
        515: ("ENOIOCTLCMD", "No ioctl command"),
        516: ("ERESTART_RESTARTBLOCK", "Interrupted by signal"),
        517: ("EPROBE_DEFER", "Driver requests probe retry"),
        518: ("EOPENSTALE", "Open found a stale dentry"),
        519: ("ENOPARAM", "Parameter not supported"),
        521: ("EBADHANDLE", "Illegal NFS file handle"),
        522: ("ENOTSYNC", "Update synchronization mismatch"),
        523: ("EBADCOOKIE", "Cookie is stale"),
        524: ("ENOTSUPP", "Operation is not supported"),
        525: ("ETOOSMALL", "Buffer or request is too small"),
        526: ("ESERVERFAULT", "An untranslatable error occurred"),
        527: ("EBADTYPE", "Type not supported by server"),
        528: ("EJUKEBOX", "Request initiated, but will not complete before timeout"),
        529: ("EIOCBQUEUED", "iocb queued, will get completion event"),
        530: ("ERECALLCONFLICT", "Conflict with recalled state"),
    }
    entries.update(internal)
    return entries

def cs_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

HEADER = "// <auto-generated>\n// DO NOT EDIT: generated by tools/gen-tables.py from {}.\n// </auto-generated>\n"

def main():
    names = read_unistd()
    if not os.path.isdir(TRACEFS):
        sys.exit("gen-tables: %s is not readable (mount tracefs, run as root)" % TRACEFS)
    out = [HEADER.format("asm/unistd_64.h and tracefs syscall formats"),
           "namespace Syscope.Syscalls;\n",
           "public static partial class SyscallTable",
           "{",
           "    public const int MaxNumber = %d;\n" % max(names),
           "    private static SyscallInfo[] Build() => new SyscallInfo[]",
           "    {"]
    missing = []
    for nr in sorted(names):
        name = names[nr]
        args = read_tracefs(name)
        if args is None:
            args = MANUAL_ARGS.get(name)
            if args is None:
                if name not in STRACE_ARG_COUNTS:
                    missing.append(name)
                args = []
        args = strace_args(name, args)
        arglist = ", ".join("new SyscallArg(%s, %s)" % (cs_str(t), cs_str(a)) for t, a in args)
        out.append("        new(%d, %s, [%s])," % (nr, cs_str(name), arglist))
    out += ["    };", "}", ""]
    with open(os.path.join(ROOT, "src/Syscope/Syscalls/SyscallTable.g.cs"), "w") as f:
        f.write("\n".join(out))

    errs = read_errno()
    out = [HEADER.format("asm-generic/errno*.h, strerror() and linux/errno.h"),
           "namespace Syscope.Kernel;\n",
           "public static partial class Errno",
           "{",
           "    public const int MaxNumber = %d;\n" % max(errs),
           "    private static (int Number, string Name, string Message)[] Entries() =>",
           "    ["]
    for n in sorted(errs):
        out.append("        (%d, %s, %s)," % (n, cs_str(errs[n][0]), cs_str(errs[n][1])))
    out += ["    ];", "}", ""]
    with open(os.path.join(ROOT, "src/Syscope/Kernel/Errno.g.cs"), "w") as f:
        f.write("\n".join(out))
    if missing:
        print("gen-tables: no argument metadata for: " + " ".join(missing), file=sys.stderr)

main()
