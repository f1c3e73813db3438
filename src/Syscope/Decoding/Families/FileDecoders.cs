using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>Calls that take file names: open, stat, access, links, directories, xattrs.</summary>
internal static class FileDecoders
{
    public static void Register(DecoderTable d)
    {
        d[Sys.open] = new FuncDecoder((ref DecodeContext c) => { Args.Path(ref c, 0); OpenTail(ref c, 1); });
        d[Sys.openat] = new FuncDecoder((ref DecodeContext c) => { Args.DirFd(ref c, 0); Args.Path(ref c, 1); OpenTail(ref c, 2); });
        d[Sys.openat2] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.DirFd(ref c, 0);
            Args.Path(ref c, 1);
            c.Out.Sep();
            OpenHow(ref c, c.Arg(2), c.Arg(3));
            Args.ULong(ref c, 3);
        });
        d[Sys.creat] = new FuncDecoder((ref DecodeContext c) => { Args.Path(ref c, 0); Args.Mode(ref c, 1); });
        d[Sys.access] = new FuncDecoder((ref DecodeContext c) => { Args.Path(ref c, 0); Args.Flags(ref c, 1, FileConstants.AccessModes); });
        d[Sys.faccessat] = new FuncDecoder((ref DecodeContext c) => { DirPath(ref c); Args.Flags(ref c, 2, FileConstants.AccessModes); });
        d[Sys.faccessat2] = new FuncDecoder((ref DecodeContext c) =>
        {
            DirPath(ref c);
            Args.Flags(ref c, 2, FileConstants.AccessModes);
            Args.Flags(ref c, 3, FileConstants.FaccessatFlags);
        });

        var statPath = new FuncDecoder((ref DecodeContext c) => Args.Path(ref c, 0), (ref DecodeContext c) => StatArg(ref c, 1));
        d[Sys.stat] = statPath;
        d[Sys.lstat] = statPath;
        d[Sys.fstat] = new FuncDecoder((ref DecodeContext c) => Args.Fd(ref c, 0), (ref DecodeContext c) => StatArg(ref c, 1));
        d[Sys.newfstatat] = new FuncDecoder(DirPath, (ref DecodeContext c) =>
        {
            StatArg(ref c, 2);
            Args.Flags(ref c, 3, FileConstants.AtFlags);
        });
        d[Sys.statx] = new FuncDecoder((ref DecodeContext c) =>
        {
            DirPath(ref c);
            c.Out.Sep();
            // The sync type is a two-bit field whose zero has a name of its own; strace prints it
            // and the other flags as two constants, and in -X raw leaves a zero sync type out.
            ulong flags = (uint)c.Arg(2);
            var whole = c.Out.BeginFlagsOf();
            if ((flags & 0x6000) == 0)
            {
                if (c.Out.Style != ConstStyle.Raw)
                {
                    var mark = c.Out.BeginConst();
                    c.Out.ConstName("AT_STATX_SYNC_AS_STAT"u8);
                    c.Out.EndConst(mark, 0);
                }
                FileConstants.StatxFlags.PrintMore(c.Out, flags);
            }
            else
            {
                FileConstants.StatxFlags.Print(c.Out, flags & 0x6000);
                FileConstants.StatxFlags.PrintMore(c.Out, flags & ~0x6000UL);
            }
            c.Out.EndFlagsOf(whole, flags);
            Args.Flags(ref c, 3, FileConstants.StatxMask);
        }, (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed) c.Out.Ptr(c.Arg(4)); else StatPrinters.StatxStruct(ref c, c.Arg(4));
        });

        d[Sys.statfs] = new FuncDecoder((ref DecodeContext c) => Args.Path(ref c, 0), (ref DecodeContext c) => StatfsArg(ref c));
        d[Sys.fstatfs] = new FuncDecoder((ref DecodeContext c) => Args.Fd(ref c, 0), (ref DecodeContext c) => StatfsArg(ref c));
        d[Sys.readlink] = new FuncDecoder((ref DecodeContext c) => Args.Path(ref c, 0), (ref DecodeContext c) => ReadlinkTail(ref c, 1));
        d[Sys.readlinkat] = new FuncDecoder(DirPath, (ref DecodeContext c) => ReadlinkTail(ref c, 2));
        d[Sys.getcwd] = new FuncDecoder(Nothing, (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed) c.Out.Ptr(c.Arg(0)); else Printers.Path(ref c, c.Arg(0));
            Args.ULong(ref c, 1);
        });

        var path = new FuncDecoder((ref DecodeContext c) => Args.Path(ref c, 0));
        foreach (int nr in new[] { Sys.unlink, Sys.rmdir, Sys.chdir, Sys.chroot, Sys.acct, Sys.swapoff }) d[nr] = path;
        var pathMode = new FuncDecoder((ref DecodeContext c) => { Args.Path(ref c, 0); Args.Mode(ref c, 1); });
        d[Sys.mkdir] = pathMode;
        d[Sys.chmod] = pathMode;
        d[Sys.mkdirat] = new FuncDecoder((ref DecodeContext c) => { DirPath(ref c); Args.Mode(ref c, 2); });
        d[Sys.fchmodat] = d[Sys.mkdirat];
        d[Sys.fchmod] = new FuncDecoder((ref DecodeContext c) => { Args.Fd(ref c, 0); Args.Mode(ref c, 1); });
        d[Sys.unlinkat] = new FuncDecoder((ref DecodeContext c) => { DirPath(ref c); Args.Flags(ref c, 2, FileConstants.AtFlags); });
        var twoPaths = new FuncDecoder((ref DecodeContext c) => { Args.Path(ref c, 0); Args.Path(ref c, 1); });
        d[Sys.rename] = twoPaths;
        d[Sys.link] = twoPaths;
        d[Sys.symlink] = twoPaths;
        d[Sys.symlinkat] = new FuncDecoder((ref DecodeContext c) => { Args.Path(ref c, 0); Args.DirFd(ref c, 1); Args.Path(ref c, 2); });
        d[Sys.renameat] = new FuncDecoder(TwoDirPaths);
        d[Sys.renameat2] = new FuncDecoder((ref DecodeContext c) => { TwoDirPaths(ref c); Args.Flags(ref c, 4, FileConstants.RenameFlags); });
        d[Sys.linkat] = new FuncDecoder((ref DecodeContext c) => { TwoDirPaths(ref c); Args.Flags(ref c, 4, FileConstants.AtFlags); });
        d[Sys.fchownat] = new FuncDecoder((ref DecodeContext c) =>
        {
            DirPath(ref c);
            Args.Id(ref c, 2);
            Args.Id(ref c, 3);
            Args.Flags(ref c, 4, FileConstants.AtFlags);
        });
        d[Sys.utime] = new FuncDecoder((ref DecodeContext c) => { Args.Path(ref c, 0); c.Out.Sep(); TimePrinters.Utimbuf(ref c, c.Arg(1)); });
        d[Sys.utimes] = new FuncDecoder((ref DecodeContext c) => { Args.Path(ref c, 0); c.Out.Sep(); TimePrinters.TimevalPair(ref c, c.Arg(1)); });
        d[Sys.futimesat] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.DirFd(ref c, 0);
            Args.Path(ref c, 1);
            c.Out.Sep();
            TimePrinters.TimevalPair(ref c, c.Arg(2));
        });
        d[Sys.utimensat] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.DirFd(ref c, 0);
            Args.Path(ref c, 1);
            c.Out.Sep();
            TimePrinters.TimespecPair(ref c, c.Arg(2));
            Args.Flags(ref c, 3, FileConstants.AtFlags);
        });
        d[Sys.umask] = new FuncDecoder((ref DecodeContext c) => Args.Mode(ref c, 0));

        var getxattr = new FuncDecoder((ref DecodeContext c) => { Args.Path(ref c, 0); Args.String(ref c, 1); }, XattrValueTail);
        d[Sys.getxattr] = getxattr;
        d[Sys.lgetxattr] = getxattr;
        d[Sys.fgetxattr] = new FuncDecoder((ref DecodeContext c) => { Args.Fd(ref c, 0); Args.String(ref c, 1); }, XattrValueTail);
        var listxattr = new FuncDecoder((ref DecodeContext c) => Args.Path(ref c, 0), XattrListTail);
        d[Sys.listxattr] = listxattr;
        d[Sys.llistxattr] = listxattr;
        d[Sys.flistxattr] = new FuncDecoder((ref DecodeContext c) => Args.Fd(ref c, 0), XattrListTail);
        var setxattr = new FuncDecoder((ref DecodeContext c) => { Args.Path(ref c, 0); SetxattrTail(ref c); });
        d[Sys.setxattr] = setxattr;
        d[Sys.lsetxattr] = setxattr;
        d[Sys.fsetxattr] = new FuncDecoder((ref DecodeContext c) => { Args.Fd(ref c, 0); SetxattrTail(ref c); });
    }

    private static void Nothing(ref DecodeContext c) { }

    private static void DirPath(ref DecodeContext c)
    {
        Args.DirFd(ref c, 0);
        Args.Path(ref c, 1);
    }

    private static void TwoDirPaths(ref DecodeContext c)
    {
        DirPath(ref c);
        Args.DirFd(ref c, 2);
        Args.Path(ref c, 3);
    }

    /// <summary>Flags, then the mode only when the call can create a file (O_CREAT or O_TMPFILE).</summary>
    private static void OpenTail(ref DecodeContext c, int i)
    {
        c.Out.Sep();
        ulong flags = (uint)c.Arg(i);
        Args.OpenFlags(c.Out, flags);
        if ((flags & (FileConstants.O_CREAT | FileConstants.__O_TMPFILE)) != 0) Args.Mode(ref c, i + 1);
    }

    /// <summary>struct open_how: {flags=O_RDONLY|O_CLOEXEC, mode=0, resolve=0}.</summary>
    private const int OpenHowSize = 24;

    private static void OpenHow(ref DecodeContext c, ulong addr, ulong size)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (size < OpenHowSize || !Printers.TryRead(ref c, addr, out OpenHow how)) { c.Out.Hex(addr); return; }
        c.Out.BeginStruct().Field("flags"u8);
        Args.OpenFlags(c.Out, how.Flags, wide: true);
        // As for openat, the mode shows only when it can matter (or is set anyway).
        bool creates = (how.Flags & FileConstants.O_CREAT) != 0 || (how.Flags & FileConstants.O_TMPFILE) == FileConstants.O_TMPFILE;
        if (creates || how.Mode != 0) c.Out.Field("mode"u8).Octal(how.Mode);
        c.Out.Field("resolve"u8);
        FileConstants.ResolveFlags.Print(c.Out, how.Resolve);
        Printers.StructTail(ref c, addr, OpenHowSize, size);
        c.Out.EndStruct();
    }

    private static void StatArg(ref DecodeContext c, int i)
    {
        c.Out.Sep();
        if (c.Failed) c.Out.Ptr(c.Arg(i)); else StatPrinters.StatStruct(ref c, c.Arg(i));
    }

    private static void StatfsArg(ref DecodeContext c)
    {
        c.Out.Sep();
        if (c.Failed) c.Out.Ptr(c.Arg(1)); else StatPrinters.StatfsStruct(ref c, c.Arg(1));
    }

    /// <summary>The link target, exactly as many bytes as the call returned.</summary>
    private static void ReadlinkTail(ref DecodeContext c, int i)
    {
        c.Out.Sep();
        if (c.Failed) c.Out.Ptr(c.Arg(i)); else Printers.Buffer(ref c, c.Arg(i), c.ReturnValue);
        Args.ULong(ref c, i + 1);
    }

    private static void XattrValueTail(ref DecodeContext c)
    {
        c.Out.Sep();
        if (c.Failed || c.Arg(2) == 0) c.Out.Ptr(c.Arg(2)); else Printers.Buffer(ref c, c.Arg(2), c.ReturnValue, omitTrailingNul: true);
        Args.ULong(ref c, 3);
    }

    /// <summary>The names listxattr wrote; with a size of 0 it only measured them, and the buffer
    /// prints as its address.</summary>
    private static void XattrListTail(ref DecodeContext c)
    {
        c.Out.Sep();
        if (c.Failed || c.Arg(2) == 0) c.Out.Ptr(c.Arg(1)); else Printers.Buffer(ref c, c.Arg(1), c.ReturnValue);
        Args.ULong(ref c, 2);
    }

    private const ulong XattrSizeMax = 65536;

    private static void SetxattrTail(ref DecodeContext c)
    {
        Args.String(ref c, 1);
        c.Out.Sep();
        // A value larger than the kernel takes (XATTR_SIZE_MAX) is not read, as in strace.
        if (c.Arg(3) > XattrSizeMax) c.Out.Ptr(c.Arg(2));
        else Printers.Buffer(ref c, c.Arg(2), (long)c.Arg(3), omitTrailingNul: true);
        Args.ULong(ref c, 3);
        Args.Flags(ref c, 4, FileConstants.XattrFlags);
    }
}
