using System.Runtime.InteropServices;
using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding;

/// <summary>struct stat and struct statx, short ("{st_mode=S_IFREG|0644, st_size=26, ...}") or
/// in full with -v.</summary>
internal static class StatPrinters
{
    private const uint S_IFMT = 0xf000, S_IFCHR = 0x2000, S_IFBLK = 0x6000;

    /// <summary>st_mode: "S_IFREG|0644", set-id and sticky bits by name, then permissions.</summary>
    public static void Mode(ArgWriter w, uint mode)
    {
        var mark = w.BeginConst();
        FileConstants.FileType.Print(w, mode & S_IFMT);
        if ((mode & 0xe00) != 0) { w.Raw((byte)'|'); FileConstants.ModeSpecial.Print(w, mode & 0xe00); }
        w.Raw((byte)'|').Octal(mode & 0x1ff);
        w.EndConst(mark, mode, NumberBase.Octal);
        // For --json a mode is its number: its names leave the permission bits out.
        w.MarkNumber(mark.Start, mode);
    }

    public static void Makedev(ArgWriter w, ulong dev)
    {
        ulong major = ((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffUL);
        ulong minor = (dev & 0xff) | ((dev >> 12) & 0xffffff00);
        var mark = w.BeginConst();
        MakedevValue(w, major, minor);
        w.EndConst(mark, dev);
    }

    private static void MakedevValue(ArgWriter w, ulong major, ulong minor) =>
        w.Raw("makedev("u8).Hex(major).Raw(", "u8).Hex(minor).Raw((byte)')');

    public static void StatStruct(ref DecodeContext c, ulong addr)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (!Printers.TryRead(ref c, addr, out Stat s)) { c.Out.Hex(addr); return; }
        var w = c.Out;
        bool v = c.Unabbreviated;
        bool dev = (s.Mode & S_IFMT) is S_IFCHR or S_IFBLK;
        w.BeginStruct();
        if (v)
        {
            w.Field("st_dev"u8); Makedev(w, s.Dev);
            w.Field("st_ino"u8).UInt(s.Ino);
        }
        w.Field("st_mode"u8); Mode(w, s.Mode);
        if (v)
        {
            w.Field("st_nlink"u8).UInt(s.Nlink).Field("st_uid"u8).UInt(s.Uid).Field("st_gid"u8).UInt(s.Gid);
            w.Field("st_blksize"u8).Int(s.Blksize).Field("st_blocks"u8).Int(s.Blocks);
        }
        if (dev) { w.Field("st_rdev"u8); Makedev(w, s.Rdev); }
        else w.Field("st_size"u8).Int(s.Size);
        if (!v) { w.EndStruct(abbreviated: true); return; }
        Time(w, "st_atime"u8, s.Atime, s.AtimeNsec);
        Time(w, "st_mtime"u8, s.Mtime, s.MtimeNsec);
        Time(w, "st_ctime"u8, s.Ctime, s.CtimeNsec);
        w.EndStruct();
    }

    private static void Time(ArgWriter w, ReadOnlySpan<byte> name, long sec, long nsec)
    {
        w.Field(name).Int(sec);
        TimePrinters.DateComment(w, sec, nsec);
        w.Field(name, "_nsec"u8).Int(nsec);
    }

    public static void StatfsStruct(ref DecodeContext c, ulong addr)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (!Printers.TryRead(ref c, addr, out Statfs s)) { c.Out.Hex(addr); return; }
        var w = c.Out;
        w.BeginStruct().Field("f_type"u8); FileConstants.FsMagic.Print(w, (ulong)s.Type);
        w.Field("f_bsize"u8).Int(s.Bsize).Field("f_blocks"u8).UInt(s.Blocks).Field("f_bfree"u8).UInt(s.Bfree);
        w.Field("f_bavail"u8).UInt(s.Bavail).Field("f_files"u8).UInt(s.Files).Field("f_ffree"u8).UInt(s.Ffree);
        w.Field("f_fsid"u8).BeginStruct().Field("val"u8).BeginArray().Element().Hex(s.Fsid0).Element().Hex(s.Fsid1).EndArray().EndStruct();
        w.Field("f_namelen"u8).Int(s.Namelen).Field("f_frsize"u8).Int(s.Frsize).Field("f_flags"u8);
        FileConstants.StatfsFlags.Print(w, (ulong)s.Flags);
        w.EndStruct();
    }

    public static void StatxStruct(ref DecodeContext c, ulong addr)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (!Printers.TryRead(ref c, addr, out Statx s)) { c.Out.Hex(addr); return; }
        var w = c.Out;
        bool v = c.Unabbreviated;
        w.BeginStruct().Field("stx_mask"u8); FileConstants.StatxMask.Print(w, s.Mask);
        if (v) w.Field("stx_blksize"u8).UInt(s.Blksize);
        w.Field("stx_attributes"u8); FileConstants.StatxAttributes.Print(w, s.Attributes);
        if (v) w.Field("stx_nlink"u8).UInt(s.Nlink).Field("stx_uid"u8).UInt(s.Uid).Field("stx_gid"u8).UInt(s.Gid);
        w.Field("stx_mode"u8); Mode(w, s.Mode);
        if (v) w.Field("stx_ino"u8).UInt(s.Ino);
        w.Field("stx_size"u8).UInt(s.Size);
        if (!v) { w.EndStruct(abbreviated: true); return; }
        w.Field("stx_blocks"u8).UInt(s.Blocks);
        w.Field("stx_attributes_mask"u8); FileConstants.StatxAttributes.Print(w, s.AttributesMask);
        // Times the kernel did not fill in (their STATX_* bit clear in stx_mask) are left out.
        if ((s.Mask & 0x20) != 0) StatxTimeField(w, "stx_atime"u8, s.Atime);
        if ((s.Mask & 0x800) != 0) StatxTimeField(w, "stx_btime"u8, s.Btime);
        if ((s.Mask & 0x80) != 0) StatxTimeField(w, "stx_ctime"u8, s.Ctime);
        if ((s.Mask & 0x40) != 0) StatxTimeField(w, "stx_mtime"u8, s.Mtime);
        w.Field("stx_rdev_major"u8).UInt(s.RdevMajor).Field("stx_rdev_minor"u8).UInt(s.RdevMinor);
        w.Field("stx_dev_major"u8).UInt(s.DevMajor).Field("stx_dev_minor"u8).UInt(s.DevMinor);
        w.Field("stx_mnt_id"u8).Hex(s.MntId).EndStruct();
    }

    private static void StatxTimeField(ArgWriter w, ReadOnlySpan<byte> name, StatxTimestamp t)
    {
        w.Field(name);
        TimePrinters.TimespecValue(w, t.Sec, t.Nsec);
        TimePrinters.DateComment(w, t.Sec, t.Nsec);
    }
}
