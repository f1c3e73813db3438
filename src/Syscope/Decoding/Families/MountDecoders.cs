using System.Runtime.CompilerServices;
using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>mount, umount2 and the new mount API (fsopen, fsconfig, fsmount, move_mount,
/// open_tree, mount_setattr, fspick).</summary>
internal static class MountDecoders
{
    private const int FSCONFIG_SET_FLAG = 0, FSCONFIG_SET_STRING = 1, FSCONFIG_SET_BINARY = 2, FSCONFIG_SET_PATH = 3,
        FSCONFIG_SET_PATH_EMPTY = 4, FSCONFIG_SET_FD = 5, FsconfigStringMax = 256,
        FsconfigBlobMax = 1 << 20;

    public static void Register(DecoderTable d)
    {
        d[Sys.mount] = new FuncDecoder(Mount);
        d[Sys.umount2] = new FuncDecoder((ref DecodeContext c) => { Args.Path(ref c, 0); Args.Flags(ref c, 1, MountConstants.UmountFlags); });
        d[Sys.fsopen] = new FuncDecoder((ref DecodeContext c) =>
        {
            c.Out.Sep();
            Printers.String(ref c, c.Arg(0));
            Args.Flags(ref c, 1, MountConstants.FsopenFlags);
        });
        d[Sys.fsconfig] = new FuncDecoder(Fsconfig);
        d[Sys.fsmount] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Fd(ref c, 0);
            Args.Flags(ref c, 1, MountConstants.FsmountFlags);
            Args.Flags(ref c, 2, MountConstants.FsmountAttrs);
        });
        d[Sys.move_mount] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.DirFd(ref c, 0);
            Args.Path(ref c, 1);
            Args.DirFd(ref c, 2);
            Args.Path(ref c, 3);
            Args.Flags(ref c, 4, MountConstants.MoveMountFlags);
        });
        d[Sys.open_tree] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.DirFd(ref c, 0);
            Args.Path(ref c, 1);
            Args.Flags(ref c, 2, MountConstants.OpenTreeFlags);
        });
        d[Sys.fspick] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.DirFd(ref c, 0);
            Args.Path(ref c, 1);
            Args.Flags(ref c, 2, MountConstants.FspickFlags);
        });
        d[Sys.mount_setattr] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.DirFd(ref c, 0);
            Args.Path(ref c, 1);
            Args.Flags(ref c, 2, MountConstants.SetattrFlags);
            c.Out.Sep();
            MountAttr(ref c, c.Arg(3), c.Arg(4));
            Args.ULong(ref c, 4);
        });
    }

    /// <summary>The type and data mean nothing to a remount (type) or a bind, move or propagation
    /// change (both), so strace shows those as addresses; old callers' magic prints first.</summary>
    private static void Mount(ref DecodeContext c)
    {
        ulong flags = c.Arg(3);
        bool magic = (flags & MountConstants.MS_MGC_MSK) == MountConstants.MS_MGC_VAL;
        if (magic) flags &= ~MountConstants.MS_MGC_MSK;
        bool ignoreType = false, ignoreData = false;
        if ((flags & MountConstants.MS_REMOUNT) != 0) ignoreType = true;
        else if ((flags & (MountConstants.MS_BIND | MountConstants.MS_MOVE | MountConstants.MS_SHARED | MountConstants.MS_PRIVATE
            | MountConstants.MS_SLAVE | MountConstants.MS_UNBINDABLE)) != 0) ignoreType = ignoreData = true;
        Args.Path(ref c, 0);
        Args.Path(ref c, 1);
        c.Out.Sep();
        if (ignoreType) c.Out.Ptr(c.Arg(2)); else Printers.String(ref c, c.Arg(2));
        c.Out.Sep();
        // For --json one set of flags: MS_MGC_VAL and the flags after it.
        var whole = c.Out.BeginFlagsOf();
        if (magic)
        {
            var mark = c.Out.BeginConst();
            c.Out.ConstName("MS_MGC_VAL"u8);
            c.Out.EndConst(mark, MountConstants.MS_MGC_VAL);
            if (flags != 0) c.Out.Raw((byte)'|');
        }
        if (flags != 0 || !magic) MountConstants.MountFlags.Print(c.Out, flags);
        c.Out.EndFlagsOf(whole, c.Arg(3));
        c.Out.Sep();
        if (ignoreData) c.Out.Ptr(c.Arg(4)); else Printers.String(ref c, c.Arg(4));
    }

    /// <summary>The value and aux arguments change meaning with the command.</summary>
    private static void Fsconfig(ref DecodeContext c)
    {
        Args.Fd(ref c, 0);
        int cmd = c.IntArg(1);
        Args.Value(ref c, 1, MountConstants.FsconfigCommands);
        c.Out.Sep();
        // The kernel copies at most 256 bytes of key and string value.
        if ((uint)cmd <= FSCONFIG_SET_FD) Printers.String(ref c, c.Arg(2), FsconfigStringMax); else c.Out.Ptr(c.Arg(2));
        c.Out.Sep();
        switch (cmd)
        {
            case FSCONFIG_SET_STRING: Printers.String(ref c, c.Arg(3), FsconfigStringMax); break;
            // A blob past the kernel's 1 MiB is refused unread, and strace shows its address.
            case FSCONFIG_SET_BINARY when c.IntArg(4) > FsconfigBlobMax: c.Out.Ptr(c.Arg(3)); break;
            case FSCONFIG_SET_BINARY: Printers.Buffer(ref c, c.Arg(3), c.IntArg(4), forceHex: true); break;
            case FSCONFIG_SET_PATH or FSCONFIG_SET_PATH_EMPTY: Printers.Path(ref c, c.Arg(3)); break;
            default: c.Out.Ptr(c.Arg(3)); break;
        }
        if (cmd is FSCONFIG_SET_PATH or FSCONFIG_SET_PATH_EMPTY) Args.DirFd(ref c, 4);
        else if (cmd == FSCONFIG_SET_FD) Args.Fd(ref c, 4);
        else Args.Int(ref c, 4);
    }

    private static void MountAttr(ref DecodeContext c, ulong addr, ulong size)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (size < 32 || !Printers.TryRead(ref c, addr, out MountAttr a)) { c.Out.Hex(addr); return; }
        var w = c.Out;
        w.BeginStruct().Field("attr_set"u8);
        MountConstants.MountAttrs.Print(w, a.Set);
        w.Field("attr_clr"u8);
        MountConstants.MountAttrs.Print(w, a.Clear);
        w.Field("propagation"u8);
        MountConstants.Propagation.Print(w, a.Propagation);
        w.Field("userns_fd"u8);
        // The field is a descriptor only when MOUNT_ATTR_IDMAP asks the kernel to use it.
        if ((a.Set & MountConstants.MOUNT_ATTR_IDMAP) != 0) Args.FdValue(ref c, (int)a.UsernsFd, w); else w.UInt(a.UsernsFd);
        Printers.StructTail(ref c, addr, Unsafe.SizeOf<MountAttr>(), size);
        w.EndStruct();
    }
}
