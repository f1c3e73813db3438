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

    public static void Register(DecoderTable d)
    {
        d[Sys.syslog] = new FuncDecoder(SyslogEntry, SyslogExit, exitArgs: false);
        d[Sys.reboot] = new FuncDecoder(RebootEntry);
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
                Commented(c.Out, (int)c.Arg(2), AdminConstants.LogLevels, "LOGLEVEL_???"u8);
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

    private static void RebootEntry(ref DecodeContext c)
    {
        c.Out.Sep();
        AdminConstants.RebootMagic.Print(c.Out, (uint)c.Arg(0));
        c.Out.Sep();
        AdminConstants.RebootMagic.Print(c.Out, (uint)c.Arg(1));
        c.Out.Sep();
        AdminConstants.RebootCommands.Print(c.Out, (uint)c.Arg(2));
        if ((uint)c.Arg(2) == AdminConstants.LINUX_REBOOT_CMD_RESTART2) Args.Path(ref c, 3);
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
