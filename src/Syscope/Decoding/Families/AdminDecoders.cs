using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>System administration calls: syslog, reboot, mknod, ustat and the removed
/// _sysctl.  Each prints only the arguments its action or command uses, as strace does.</summary>
internal static class AdminDecoders
{
    private const uint S_IFCHR = 0x2000, S_IFBLK = 0x6000, S_IFMT = 0xf000;
    private const ulong SYSLOG_ACTION_READ = 2, SYSLOG_ACTION_READ_ALL = 3, SYSLOG_ACTION_READ_CLEAR = 4,
        SYSLOG_ACTION_CONSOLE_LEVEL = 8;

    /// <summary>&lt;linux/kexec.h&gt; KEXEC_SEGMENT_MAX: the kernel refuses more segments unread.</summary>
    private const ulong KexecSegmentMax = 16;

    /// <summary>kexec_load's flags: the architecture in the high half of the low 32 bits, flags below.</summary>
    private static void KexecLoad(ref DecodeContext c)
    {
        c.Out.Sep().Ptr(c.Arg(0));
        Args.ULong(ref c, 1);
        c.Out.Sep();
        if (c.Arg(1) > KexecSegmentMax) c.Out.Ptr(c.Arg(2));
        else Printers.Array(ref c, c.Arg(2), c.Arg(1), static (ref DecodeContext c, in KexecSegment s) =>
            c.Out.BeginStruct().Field("buf"u8).Ptr(s.Buf).Field("bufsz"u8).UInt(s.BufSize)
                .Field("mem"u8).Ptr(s.Mem).Field("memsz"u8).UInt(s.MemSize).EndStruct());
        ulong flags = c.Arg(3);
        AdminConstants.KexecArches.Print(c.Out.Sep(), flags & AdminConstants.KEXEC_ARCH_MASK);
        AdminConstants.KexecLoadFlags.PrintMore(c.Out, flags & ~AdminConstants.KEXEC_ARCH_MASK, bare: false);
    }

    public static void Register(DecoderTable d)
    {
        d[Sys.syslog] = new FuncDecoder(SyslogEntry, SyslogExit, exitArgs: false);
        d[Sys.reboot] = new FuncDecoder(RebootEntry);
        d[Sys.kexec_load] = new FuncDecoder(KexecLoad);
        d[Sys.kexec_file_load] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Fd(ref c, 0);
            Args.Fd(ref c, 1);
            Args.ULong(ref c, 2);
            c.Out.Sep();
            Printers.Buffer(ref c, c.Arg(3), (long)c.Arg(2));
            c.Out.Sep();
            AdminConstants.KexecFileFlags.Print(c.Out, c.Arg(4));
        });
        d[Sys.swapon] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Path(ref c, 0);
            // The priority is a number in the low 15 bits, after the flags when there are any.
            uint flags = (uint)c.Arg(1), rest = flags & ~SwapFlagPrioMask;
            c.Out.Sep();
            if (rest != 0) AdminConstants.SwapFlags.Print(c.Out, rest);
            if (rest != 0) c.Out.Raw((byte)'|');
            c.Out.UInt(flags & SwapFlagPrioMask);
        });
        d[Sys.mknod] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Path(ref c, 0);
            ModeAndDevice(ref c, 1);
        });
        d[Sys.mknodat] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.DirFd(ref c, 0);
            Args.Path(ref c, 1);
            ModeAndDevice(ref c, 2);
        });
        d[Sys.ustat] = new FuncDecoder((ref DecodeContext c) =>
        {
            c.Out.Sep();
            StatPrinters.Makedev(c.Out, (uint)c.Arg(0));
            Args.Ptr(ref c, 1);
        });
        d[Sys._sysctl] = new FuncDecoder(SysctlEntry);
        d[Sys.init_module] = new FuncDecoder((ref DecodeContext c) => { Args.Ptr(ref c, 0); Args.ULong(ref c, 1); Args.String(ref c, 2); });
        d[Sys.finit_module] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Fd(ref c, 0);
            Args.String(ref c, 1);
            Args.Flags(ref c, 2, AdminConstants.ModuleInitFlags);
        });
        d[Sys.delete_module] = new FuncDecoder((ref DecodeContext c) => { Args.String(ref c, 0); Args.Flags(ref c, 1, AdminConstants.DeleteModuleFlags); });
    }

    /// <summary>A device node's type and permissions, then its device only when it has one
    /// (character and block devices); the kernel takes the mode as a umode_t (16 bits, as strace
    /// prints it) and the device as 32 bits.</summary>
    private static void ModeAndDevice(ref DecodeContext c, int i)
    {
        uint mode = (ushort)c.Arg(i);
        c.Out.Sep();
        if (FileConstants.FileType.TryName(mode & S_IFMT, out _) && (mode & S_IFMT) != 0) StatPrinters.Mode(c.Out, mode);
        else if (c.Out.Style == ConstStyle.Verbose && (mode & S_IFMT) == 0)
            c.Out.Octal(mode).Raw(" /* "u8).Octal(mode).Raw(" */"u8);   // strace comments a type-less mode with itself
        else c.Out.Octal(mode);
        if ((mode & S_IFMT) is S_IFCHR or S_IFBLK) { c.Out.Sep(); StatPrinters.Makedev(c.Out, (uint)c.Arg(i + 1)); }
    }

    /// <summary>strace prints the action and the console level as a number with its name in a
    /// comment, in every -X style.</summary>
    private static void SyslogEntry(ref DecodeContext c)
    {
        int action = (int)c.Arg(0);
        c.Out.Sep();
        Commented(c.Out, action, AdminConstants.SyslogActions, "SYSLOG_ACTION_???"u8);
        switch ((ulong)action)
        {
            case SYSLOG_ACTION_READ or SYSLOG_ACTION_READ_ALL or SYSLOG_ACTION_READ_CLEAR:
                c.Out.SepAhead();   // the buffer prints at exit
                return;
            case SYSLOG_ACTION_CONSOLE_LEVEL:
                Args.Ptr(ref c, 1);
                c.Out.Sep();
                // strace names level 8, the highest the kernel takes, as one past LOGLEVEL_DEBUG.
                Commented(c.Out, (int)c.Arg(2), AdminConstants.LogLevels, (int)c.Arg(2) == 8 ? "LOGLEVEL_DEBUG+1"u8 : "LOGLEVEL_???"u8);
                return;
            case <= 10: return;   // the other known actions use neither buffer nor length
            default:
                Args.Ptr(ref c, 1);
                Args.Int(ref c, 2);
                return;
        }
    }

    /// <summary>A number with its name in a comment: for --json the number.</summary>
    private static void Commented(ArgWriter w, int value, ValueSet set, ReadOnlySpan<byte> unknown)
    {
        int end = w.Int(value).Length;
        w.Raw(" /* "u8).Raw(value >= 0 && set.TryName((ulong)value, out var name) ? name : unknown).Raw(" */"u8);
        w.Annotated(end);
    }

    private static void SyslogExit(ref DecodeContext c)
    {
        if ((ulong)(int)c.Arg(0) is not (SYSLOG_ACTION_READ or SYSLOG_ACTION_READ_ALL or SYSLOG_ACTION_READ_CLEAR)) return;
        c.Out.Sep();
        if (c.Failed) c.Out.Ptr(c.Arg(1));
        else Printers.Buffer(ref c, c.Arg(1), c.ReturnValue);
        Args.Int(ref c, 2);
    }

    /// <summary>&lt;sys/swap.h&gt; SWAP_FLAG_PRIO_MASK.</summary>
    private const uint SwapFlagPrioMask = 0x7fff;

    private static void RebootEntry(ref DecodeContext c)
    {
        c.Out.Sep();
        AdminConstants.RebootMagic.Print(c.Out, (uint)c.Arg(0));
        c.Out.Sep();
        AdminConstants.RebootMagic.Print(c.Out, (uint)c.Arg(1));
        c.Out.Sep();
        AdminConstants.RebootCommands.Print(c.Out, (uint)c.Arg(2));
        if ((uint)c.Arg(2) == AdminConstants.LINUX_REBOOT_CMD_RESTART2) RestartCommand(ref c, c.Arg(3));
    }

    /// <summary>The kernel copies RESTART2's command into 256 bytes, the last one its NUL: strace
    /// shows at most 255 characters, "..." after them when no NUL came within them, and the
    /// address when fewer than that could be read.  Under a smaller -s, a plain string.</summary>
    private static void RestartCommand(ref DecodeContext c, ulong addr)
    {
        const int Chars = 255;
        c.Out.Sep();
        if (addr == 0 || c.Options.StringLimit < Chars) { Printers.String(ref c, addr); return; }
        Span<byte> buf = stackalloc byte[Chars];
        int n = Printers.ReadCString(c.Memory, addr, buf, out bool terminated);
        if (Printers.Unreadable(ref c, n, Chars, terminated)) { c.Out.Hex(addr); return; }
        c.Out.Quoted(buf[..n], c.Options.HexStrings, !terminated);
    }

    /// <summary>struct __sysctl_args (&lt;linux/sysctl.h&gt;); the kernel no longer implements the
    /// call, so the fields print as they were given.</summary>
    private static void SysctlEntry(ref DecodeContext c)
    {
        c.Out.Sep();
        if (!Printers.TryRead(ref c, c.Arg(0), out SysctlArgs a)) { c.Out.Ptr(c.Arg(0)); return; }
        c.Out.BeginStruct().Field("name"u8).Ptr(a.Name).Field("nlen"u8).Int(a.Nlen).Field("oldval"u8).Ptr(a.Oldval)
            .Field("oldlenp"u8).Ptr(a.Oldlenp).Field("newval"u8).Ptr(a.Newval).Field("newlen"u8).UInt(a.Newlen).EndStruct();
    }

}
