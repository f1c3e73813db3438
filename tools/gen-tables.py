#!/usr/bin/env python3
"""Generates syscope's kernel tables.

  python3 tools/gen-tables.py            regenerate the C# tables from the committed inputs
  python3 tools/gen-tables.py --refresh  first re-read the kernel's facts on this machine into
                                         tools/syscalls/kernel.txt (root: tracefs), then regenerate
  python3 tools/gen-tables.py --refresh-ioctls
                                         first re-read the ioctl requests from this machine's UAPI
                                         headers into tools/syscalls/ioctls.txt (gcc), then regenerate
  python3 tools/gen-tables.py --check    regenerate into a temporary directory and fail on any
                                         difference from the files in the tree (CI runs this)

Inputs, all in tools/syscalls/:
  * kernel.txt  the kernel's facts, written by --refresh: syscall numbers and names from
                <asm/unistd_64.h> (linux-libc-dev), argument C types and names from tracefs
                events/syscalls/sys_enter_*/format (the running kernel's SYSCALL_DEFINE metadata).
                Committed, so that generating and checking need neither root nor tracefs; --check
                also compares it with this machine's kernel when tracefs is readable, and reports
                (without failing) what differs, since another kernel is not a defect of the tree.
  * roles.txt   what each argument is beyond its C type (descriptor, path, buffer and its length,
                structure...), the return kind, strace's trace classes, dumps and waits: by hand.
  * notes.txt   what `explain` says about a call: by hand.
  * ioctls.txt  ioctl request names and numbers, written by --refresh-ioctls (tools/ioctl_facts.py).
  * input-codes.txt  the input layer's event codes (EV_, KEY_, ABS_, FF_...) from <linux/input.h> and
                <linux/input-event-codes.h>, written by --refresh-ioctls too.
Errno numbers come from <asm-generic/errno-base.h> and <asm-generic/errno.h>, their messages from
the C library's strerror() as strace prints them, and the kernel-internal restart codes (>= 512)
from include/linux/errno.h (below).

Outputs: src/Syscope/Syscalls/SyscallTable.g.cs, src/Syscope/Syscalls/Sys.g.cs,
src/Syscope/Kernel/Errno.g.cs, src/Syscope/Decoding/Constants/IoctlNames.g.cs and InputCodes.g.cs.  The output depends only on the inputs, in a fixed order.
"""
import difflib, os, re, shutil, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "tools", "syscalls")
UNISTD = "/usr/include/x86_64-linux-gnu/asm/unistd_64.h"
TRACEFS = "/sys/kernel/tracing/events/syscalls"
ERRNO_HEADERS = ["/usr/include/asm-generic/errno-base.h", "/usr/include/asm-generic/errno.h"]
OUTPUTS = ["src/Syscope/Syscalls/SyscallTable.g.cs", "src/Syscope/Syscalls/Sys.g.cs", "src/Syscope/Kernel/Errno.g.cs",
           "src/Syscope/Decoding/Constants/IoctlNames.g.cs", "src/Syscope/Decoding/Constants/InputCodes.g.cs"]
INPUT_HEADERS = ["/usr/include/linux/input-event-codes.h", "/usr/include/linux/input.h"]
# The input code sets evdev requests print (name prefix -> C# set name, strace's "???" comment).
# A number defined twice keeps its later name (BTN_0 over the range's BTN_MISC); names defined as
# another name (KEY_HANGUEL) and bounds (_MAX, _CNT, _MIN) are not codes.
INPUT_SETS = [("EV", "Events", "EV_???"), ("KEY", "Keys", "KEY_???"), ("REL", "Relative", "REL_???"),
              ("ABS", "Absolute", "ABS_???"), ("MSC", "Misc", "MSC_???"), ("SW", "Switches", "SW_???"),
              ("LED", "Leds", "LED_???"), ("SND", "Sounds", "SND_???"), ("REP", "Repeat", "REP_???"),
              ("FF", "ForceFeedback", "FF_???"), ("FF_STATUS", "ForceFeedbackStatus", "FF_STATUS_???"),
              ("INPUT_PROP", "Properties", "INPUT_PROP_???")]

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

# ---- kernel.txt: the machine's facts (--refresh) ----

# x86_64 table names whose SYSCALL_DEFINE carries another name: their tracefs events
# (syscalls:sys_enter_NAME, which the eBPF backend attaches to) go by that name.  The kernel also
# has events of the table's names, for other ABIs, which x86_64 programs never reach.
TRACEFS_ALIASES = {"stat": "newstat", "fstat": "newfstat", "lstat": "newlstat",
                   "sendfile": "sendfile64", "uname": "newuname", "umount2": "umount"}

def read_unistd():
    table = {}
    with open(UNISTD) as f:
        for line in f:
            m = re.match(r"#define __NR_(\w+)\s+(\d+)", line)
            if m:
                table[int(m.group(2))] = m.group(1)
    return table

def read_tracefs(name):
    path = os.path.join(TRACEFS, "sys_enter_" + TRACEFS_ALIASES.get(name, name), "format")
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
            ctype, aname = split_decl(decl)
            args.append((ctype.replace(" __user", ""), aname))
    return args

def split_decl(decl):
    m = re.match(r"(.*?)(\w+)$", decl.strip())
    return m.group(1).strip(), m.group(2)

def join_decl(ctype, name):
    return ctype + ("" if ctype.endswith("*") else " ") + name

def kernel_facts_text():
    lines = ["# The kernel's facts about each x86_64 syscall: number, name, and the argument C types and",
             "# names of its tracefs format (\"-\": no metadata).  Written by `tools/gen-tables.py --refresh`",
             "# from <asm/unistd_64.h> and /sys/kernel/tracing; do not edit by hand."]
    names = read_unistd()
    for nr in sorted(names):
        args = read_tracefs(names[nr])
        lines.append("%d %s: %s" % (nr, names[nr], "-" if args is None else ", ".join(join_decl(t, a) for t, a in args)))
    return "\n".join(lines) + "\n"

def read_kernel_facts(text):
    rows = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        m = re.match(r"(\d+) (\w+): (.*)$", line)
        facts = m.group(3)
        args = None if facts == "-" else [split_decl(d) for d in facts.split(", ")] if facts else []
        rows.append((int(m.group(1)), m.group(2), args))
    return rows

# ---- roles.txt ----

class Bad(Exception):
    pass

ROLE_WORDS = {".": "Number", "addr": "Address", "fd": "Fd", "dirfd": "DirFd", "path": "Path",
              "str": "String", "argv": "StringArray", "varies": "Varies"}
SHAPE_KINDS = {"buf": "Buffer", "sigset": "Sigset", "sockaddr": "Sockaddr", "bitmap": "Bitmap",
               "iov": "Iovec", "msghdr": "Msghdr", "mmsghdr": "Mmsghdr", "psigset": "SigsetPair"}
# Layouts the nested kinds read first (their own size; the data they point to follows).
NESTED_SIZES = {"iov": 16, "msghdr": 56, "mmsghdr": 64, "psigset": 16}
FLOWS = {"in": "In", "out": "Out", "inout": "InOut"}
CLASSES = {"file": "File", "process": "Process", "network": "Network", "signal": "Signal", "ipc": "Ipc",
           "desc": "Desc", "memory": "Memory", "creds": "Creds", "clock": "Clock", "stat": "Stat",
           "lstat": "Lstat", "fstat": "Fstat", "%stat": "AnyStat", "statfs": "Statfs", "fstatfs": "Fstatfs",
           "%statfs": "AnyStatfs", "pure": "Pure"}
RETURNS = {"fd": "Fd", "hex": "Hex", "octal": "Octal", "pid": "Pid", "pgid": "ProcessGroup", "sid": "Session", "int32": "ZeroExtendedInt"}
DUMPS = {"read": "Read", "write": "Write"}
WAITS = {"reading": "Reading", "writing": "Writing", "accepting": "Accepting", "connecting": "Connecting",
         "polling": "Polling", "lock": "Lock", "child": "Child", "sleep": "Sleep", "signal": "Signal"}

def parse_role(tok, sizes, nargs):
    """(kind, flow, from, size_arg, unit, header) for one role token."""
    if tok in ROLE_WORDS:
        return (ROLE_WORDS[tok], "None", "None", 0, 0, 0)
    m = re.fullmatch(r"(in|out|inout):(\w+)(?:\{(\d+)\}|\*(\d+|ret)|\[(?:\+(\d+):)?(\*?)(\d+|ret)\])?", tok)
    if not m:
        raise Bad("unknown role '%s'" % tok)
    flow, shape, fixed, count, header, pointee, length = m.groups()
    kind = SHAPE_KINDS.get(shape, "Struct")
    unit = NESTED_SIZES.get(shape, 1 if shape in ("buf", "sigset", "sockaddr", "bitmap") else sizes.get(shape))
    if unit is None:
        raise Bad("no @size for '%s'" % shape)
    def source(s, pointee=""):
        if s == "ret":
            return "Return", 0
        if int(s) >= nargs:
            raise Bad("'%s' names argument %s of %d" % (tok, s, nargs))
        return ("ArgPointee" if pointee else "Arg"), int(s)
    if count is not None:
        src, arg = source(count)
    elif length is not None:
        src, arg = source(length, pointee)
        if kind == "Struct":
            kind = "Buffer" if shape == "buf" else kind
            unit = 1
    elif fixed is not None:
        src, arg, unit = "Fixed", 0, unit * int(fixed)
    else:
        if kind in ("Buffer", "Sigset", "Sockaddr", "Bitmap", "Iovec", "Mmsghdr"):
            raise Bad("'%s' needs a length" % tok)
        src, arg = "Fixed", 0
    return (kind, FLOWS[flow], src, arg, unit, int(header or 0))

def read_roles(path, kernel_names):
    sizes, rows, partial = {}, {}, {}
    with open(path) as f:
        for n, line in enumerate(f, 1):
            line = line.split("#", 1)[0].rstrip() if not line.startswith("@partial") else line.rstrip()
            if not line.strip():
                continue
            toks = line.split()
            if toks[0] == "@size":
                sizes[toks[1]] = int(toks[2])
                continue
            if toks[0] == "@partial":
                partial[toks[1]] = " ".join(toks[2:])
                continue
            name, rest = toks[0], toks[1:]
            if name in rows:
                raise Bad("roles.txt:%d: %s twice" % (n, name))
            row = {"roles": [], "ret": "Decimal", "classes": [], "dump": "None", "wait": "Other", "waitfd": False, "kept": False}
            i = 0
            while i < len(rest) and not (rest[i] == "->" or rest[i].startswith("%") or "=" in rest[i]):
                row["roles"].append(rest[i])
                i += 1
            while i < len(rest):
                t = rest[i]
                if t == "->":
                    row["ret"] = RETURNS[rest[i + 1]]
                    i += 2
                    continue
                if t.startswith("%") and t[1:] in CLASSES:
                    row["classes"].append(CLASSES[t[1:]])
                elif t.startswith("dump=") and t[5:] in DUMPS:
                    row["dump"] = DUMPS[t[5:]]
                elif t == "fds=kept":
                    row["kept"] = True
                elif t.startswith("wait="):
                    kind, _, fd = t[5:].partition("+")
                    if kind == "fd":
                        row["waitfd"] = True
                    else:
                        row["wait"] = WAITS[kind]
                        row["waitfd"] = fd == "fd"
                else:
                    raise Bad("roles.txt:%d: unknown '%s'" % (n, t))
                i += 1
            row["line"] = n
            rows[name] = row
    for name in partial:
        if name not in rows:
            raise Bad("roles.txt: @partial names no syscall: %s" % name)
    missing = [n for n in kernel_names if n not in rows]
    extra = [n for n in rows if n not in kernel_names]
    if missing or extra:
        raise Bad("roles.txt: no line for %s; no such syscall: %s" % (missing, extra))
    return sizes, rows, partial

def read_notes(path):
    notes = {}
    with open(path) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, cls, errnos, summary = [p.strip() for p in line.split("|", 3)]
            notes[name] = (cls, errnos.split(), summary)
    return notes

# ---- how GenericDecoder prints an argument: its C type, and its role where the type cannot tell ----

SIGNED = {"int", "long", "pid_t", "loff_t", "off_t", "key_t", "const int", "clockid_t", "const clockid_t", "timer_t",
          "mqd_t", "s32", "__s32"}
# User and group ids: strace prints them unsigned, but (uid_t)-1, "no change", as -1.
IDS = {"uid_t", "gid_t", "old_uid_t", "old_gid_t"}

def arg_format(ctype, role):
    kind, flow, src = role[0], role[1], role[2]
    if ctype.endswith("*const *"):
        return "StringArray"
    if ctype == "const char *":
        return "InBuffer" if kind == "Buffer" else "Path"
    if ctype == "char *" and kind == "Buffer" and flow == "Out" and src == "Return":
        return "OutBuffer"
    if ctype.endswith("*"):
        return "Pointer" if ctype.startswith("const ") else "OutPointer"
    if ctype == "umode_t":
        return "Octal"
    # The generator's type for the registers of calls the kernel removed: strace prints them in hex.
    if ctype == "kernel_ulong_t" or (ctype == "unsigned long" and kind == "Address"):
        return "Hex"
    if ctype in IDS:
        return "Id"
    if ctype in SIGNED:
        return "Long" if "long" in ctype or "loff" in ctype else "Int"
    return "ULong" if "long" in ctype or "size" in ctype or ctype in ("u64", "__u64") else "UInt"

# ---- C# output ----

def cs_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

HEADER = "// <auto-generated>\n// DO NOT EDIT: generated by tools/gen-tables.py from {}.\n// </auto-generated>\n"

def cs_flags(enum, names, none="None"):
    return " | ".join("%s.%s" % (enum, n) for n in names) if names else "%s.%s" % (enum, none)

def syscall_table(rows, roles, notes):
    sizes, byname, partial = roles
    out = [HEADER.format("tools/syscalls/kernel.txt, roles.txt and notes.txt"),
           "namespace Syscope.Syscalls;\n",
           "internal static partial class SyscallTable",
           "{",
           "    public const int MaxNumber = %d;\n" % max(nr for nr, _, _ in rows),
           "    private static SyscallInfo[] Build() =>",
           "    ["]
    missing = []
    for nr, name, args in rows:
        # Only calls with metadata have events in tracefs.
        tracepoint = None if args is None else TRACEFS_ALIASES.get(name, name)
        if args is None:
            args = MANUAL_ARGS.get(name)
            if args is None:
                if name not in STRACE_ARG_COUNTS:
                    missing.append(name)
                args = []
        args = strace_args(name, args)
        r = byname[name]
        if len(r["roles"]) != len(args):
            raise Bad("roles.txt:%d: %s has %d arguments, %d roles" % (r["line"], name, len(args), len(r["roles"])))
        cargs = []
        for (ctype, aname), tok in zip(args, r["roles"]):
            try:
                kind, flow, src, sarg, unit, header = parse_role(tok, sizes, len(args))
            except Bad as e:
                raise Bad("roles.txt:%d: %s: %s" % (r["line"], name, e))
            if kind == "Varies" and name not in partial:
                raise Bad("roles.txt:%d: %s has an argument that varies but no @partial line" % (r["line"], name))
            fmt = arg_format(ctype, (kind, flow, src))
            cargs.append("new(%s, %s, ArgFormat.%s, new(ArgKind.%s, ArgFlow.%s, SizeFrom.%s, %d, %d, %d))"
                         % (cs_str(ctype), cs_str(aname), fmt, kind, flow, src, sarg, unit, header))
        note = notes.get(name)
        note_cs = "null" if note is None else "new(%s, %s, [%s], %s)" % (
            cs_str(name), cs_str(note[0]), ", ".join(cs_str(e) for e in note[1]), cs_str(note[2]))
        out.append("        new(%d, %s, [%s]," % (nr, cs_str(name), ", ".join(cargs)))
        out.append("            ReturnFormat.%s, %s, DumpKind.%s, WaitKind.%s, %s, %s, %s, tracepoint: %s%s)," % (
            r["ret"], cs_flags("SyscallClass", r["classes"]), r["dump"], r["wait"],
            "true" if r["waitfd"] else "false", cs_str(partial[name]) if name in partial else "null", note_cs,
            "null" if tracepoint is None else cs_str(tracepoint), ", keepsFds: true" if r["kept"] else ""))
    out += ["    ];", "}", ""]
    unknown = [n for n in notes if n not in byname]
    if unknown:
        raise Bad("notes.txt names no syscall: %s" % unknown)
    return "\n".join(out), missing

def sys_constants(rows):
    out = [HEADER.format("tools/syscalls/kernel.txt"),
           "namespace Syscope.Syscalls;\n",
           "/// <summary>x86_64 syscall numbers by name, for code that names a call (decoder registration,",
           "/// the backend's execve and restart_syscall, the formatters' exit and exit_group).</summary>",
           "internal static class Sys",
           "{"]
    for nr, name, _ in rows:
        out.append("    public const int %s = %d;" % (name, nr))
    out += ["}", ""]
    return "\n".join(out)

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

def errno_table():
    errs = read_errno()
    out = [HEADER.format("asm-generic/errno*.h, strerror() and linux/errno.h"),
           "namespace Syscope.Kernel;\n",
           "internal static partial class Errno",
           "{",
           "    public const int MaxNumber = %d;\n" % max(errs),
           "    private static (int Number, string Name, string Message)[] Entries() =>",
           "    ["]
    for n in sorted(errs):
        out.append("        (%d, %s, %s)," % (n, cs_str(errs[n][0]), cs_str(errs[n][1])))
    out += ["    ];", "}", ""]
    return "\n".join(out)

def ioctl_table():
    rows = []
    with open(os.path.join(DATA, "ioctls.txt")) as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                code, name, _ = line.split()
                rows.append((int(code, 16), name))
    rows.sort()
    starts, pos = [], 0
    for _, name in rows:
        starts.append(pos)
        pos += len(name)
    starts.append(pos)
    def wrap(items, per):
        return ["        " + " ".join(items[i:i + per]) for i in range(0, len(items), per)]
    out = [HEADER.format("tools/syscalls/ioctls.txt"),
           "namespace Syscope.Decoding.Constants;\n",
           "internal static partial class IoctlNames",
           "{",
           "    /// <summary>Request numbers, ascending; a number with several names repeats.</summary>",
           "    private static ReadOnlySpan<uint> Codes =>",
           "    ["]
    out += wrap(["0x%08x," % c for c, _ in rows], 8)
    out += ["    ];", "",
            "    /// <summary>Where each name starts in <see cref=\"Names\"/>, and one past the last.</summary>",
            "    private static ReadOnlySpan<int> Starts =>",
            "    ["]
    out += wrap(["%d," % p for p in starts], 12)
    out += ["    ];", "",
            "    private static ReadOnlySpan<byte> Names =>"]
    names = [n for _, n in rows]
    chunks = ["".join(names[i:i + 6]) for i in range(0, len(names), 6)]
    out += ['        "%s"u8%s' % (c, ";" if i == len(chunks) - 1 else " +") for i, c in enumerate(chunks)]
    out += ["}", ""]
    return "\n".join(out)

def input_codes_text():
    rows = []
    for h in INPUT_HEADERS:
        with open(h) as f:
            for m in re.finditer(r"^#define\s+((EV|KEY|BTN|REL|ABS|MSC|SW|LED|SND|REP|FF|INPUT_PROP)_\w+)\s+(0x[0-9a-fA-F]+|\d+)\b",
                                 f.read(), re.M):
                name, value = m.group(1), int(m.group(3), 0)
                if re.search(r"_(MAX|CNT|MIN)$|^EV_VERSION$|^FF_MAX_EFFECTS$", name):
                    continue
                group = "FF_STATUS" if name.startswith("FF_STATUS_") else "KEY" if m.group(2) == "BTN" else m.group(2)
                rows.append("%s 0x%x %s" % (group, value, name))
    return "# input event codes from the UAPI headers (linux-libc-dev), written by gen-tables.py --refresh-ioctls\n" + \
        "\n".join(rows) + "\n"

def input_codes_table():
    groups = {}
    with open(os.path.join(DATA, "input-codes.txt")) as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                group, value, name = line.split()
                groups.setdefault(group, {})[int(value, 16)] = name
    out = [HEADER.format("tools/syscalls/input-codes.txt"),
           "namespace Syscope.Decoding.Constants;\n",
           "/// <summary>The input layer's event codes (&lt;linux/input-event-codes.h&gt;), one set per kind.</summary>",
           "internal static partial class InputCodes",
           "{"]
    for prefix, member, unknown in INPUT_SETS:
        codes = groups.get(prefix, {})
        out.append("    public static readonly ValueSet %s = new(%s, false," % (member, cs_str(unknown)))
        items = ["new(0x%x, %s)" % (v, cs_str(codes[v])) for v in sorted(codes)]
        for i in range(0, len(items), 4):
            out.append("        " + ", ".join(items[i:i + 4]) + (");" if i + 4 >= len(items) else ","))
        out.append("")
    out[-1] = "}"
    out.append("")
    return "\n".join(out)

def generate(dest):
    with open(os.path.join(DATA, "kernel.txt")) as f:
        rows = read_kernel_facts(f.read())
    roles = read_roles(os.path.join(DATA, "roles.txt"), [name for _, name, _ in rows])
    table, missing = syscall_table(rows, roles, read_notes(os.path.join(DATA, "notes.txt")))
    texts = [table, sys_constants(rows), errno_table(), ioctl_table(), input_codes_table()]
    for rel, text in zip(OUTPUTS, texts):
        path = os.path.join(dest, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
    return missing

def check():
    status = 0
    tmp = tempfile.mkdtemp(prefix="gen-tables-")
    try:
        generate(tmp)
        for rel in OUTPUTS:
            with open(os.path.join(tmp, rel)) as f:
                fresh = f.read().splitlines(keepends=True)
            try:
                with open(os.path.join(ROOT, rel)) as f:
                    tree = f.read().splitlines(keepends=True)
            except FileNotFoundError:
                tree = []
            if fresh != tree:
                status = 1
                print("gen-tables: %s differs from what the generator makes of its inputs:" % rel, file=sys.stderr)
                sys.stderr.writelines(list(difflib.unified_diff(tree, fresh, rel, "generated", n=1))[:40])
    finally:
        shutil.rmtree(tmp)
    if os.path.isdir(TRACEFS) and os.path.exists(UNISTD):
        with open(os.path.join(DATA, "kernel.txt")) as f:
            committed = f.read().splitlines(keepends=True)
        live = kernel_facts_text().splitlines(keepends=True)
        if committed != live:
            print("gen-tables: note: this machine's kernel differs from tools/syscalls/kernel.txt "
                  "(--refresh to take it):", file=sys.stderr)
            sys.stderr.writelines(list(difflib.unified_diff(committed, live, "kernel.txt", "this kernel", n=0))[:20])
    if status == 0:
        print("gen-tables: the generated tables match their inputs")
    return status

def main(argv):
    try:
        if argv == ["--check"]:
            return check()
        if argv == ["--refresh"]:
            if not os.path.isdir(TRACEFS):
                sys.exit("gen-tables: %s is not readable (mount tracefs, run as root)" % TRACEFS)
            with open(os.path.join(DATA, "kernel.txt"), "w") as f:
                f.write(kernel_facts_text())
        elif argv == ["--refresh-ioctls"]:
            import ioctl_facts
            with open(os.path.join(DATA, "ioctls.txt"), "w") as f:
                f.write(ioctl_facts.ioctl_facts_text())
            with open(os.path.join(DATA, "input-codes.txt"), "w") as f:
                f.write(input_codes_text())
        elif argv:
            sys.exit(__doc__)
        missing = generate(ROOT)
    except Bad as e:
        sys.exit("gen-tables: %s" % e)
    if missing:
        print("gen-tables: no argument metadata for: " + " ".join(missing), file=sys.stderr)
    return 0

sys.exit(main(sys.argv[1:]))
