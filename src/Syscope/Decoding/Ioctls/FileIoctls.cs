using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding.Ioctls;

/// <summary>File requests of &lt;linux/fs.h&gt;: inode flags ('f'), freeze, thaw, trim and XFS-style
/// attributes ('X'), and FICLONE (0x94, which btrfs shares).</summary>
internal sealed class FileIoctls : IoctlFamily
{
    private const uint FIFREEZE = 0xc0045877, FITHAW = 0xc0045878, FITRIM = 0xc0185879;
    private const uint FS_IOC_FSGETXATTR = 0x801c581f, FS_IOC_FSSETXATTR = 0x401c5820, FICLONE = 0x40049409;
    private const uint FS_IOC_FIEMAP = 0xc020660b;

    public override ReadOnlySpan<byte> Types => [(byte)'f', (byte)'X', 0x94];

    public override IoctlArg Entry(ref DecodeContext c, uint cmd)
    {
        if (Type(cmd) == 'f' && Size(cmd) is 4 or 8 && (cmd & 0xc000ffff) is 0x80006601)
            return IoctlArg.AtExit;
        if (Type(cmd) == 'f' && Size(cmd) is 4 or 8 && (cmd & 0xc000ffff) is 0x40006602)
        {
            c.Out.Sep();
            IoctlArgs.UIntRef(ref c, c.Arg(2), IoctlConstants.InodeFlags);
            return IoctlArg.Done;
        }
        switch (cmd)
        {
            case FIFREEZE or FITHAW: return IoctlArg.Done;
            case FICLONE: Args.Int(ref c, 2); return IoctlArg.Done;
            case FITRIM:
                c.Out.Sep();
                if (IoctlArgs.Read(ref c, c.Arg(2), out FstrimRange r))
                    c.Out.Raw("{start="u8).Hex(r.Start).Raw(", len="u8).UInt(r.Len).Raw(", minlen="u8).UInt(r.Minlen).Raw((byte)'}');
                return IoctlArg.Done;
            case FS_IOC_FSSETXATTR: c.Out.Sep(); Xattr(ref c, false); return IoctlArg.Done;
            case FS_IOC_FSGETXATTR: return IoctlArg.AtExit;
            case FS_IOC_FIEMAP:
                c.Out.Sep();
                if (!IoctlArgs.Read(ref c, c.Arg(2), out Fiemap m)) return IoctlArg.Done;
                c.Out.Raw("{fm_start="u8).UInt(m.Start).Raw(", fm_length="u8).UInt(m.Length).Raw(", fm_flags="u8);
                IoctlConstants.FiemapFlags.Print(c.Out, m.Flags);
                c.Out.Raw(", fm_extent_count="u8).UInt(m.ExtentCount).Raw((byte)'}');
                return IoctlArg.Continues;
            default: return IoctlArg.Unknown;
        }
    }

    public override void Exit(ref DecodeContext c, uint cmd)
    {
        if (cmd == FS_IOC_FIEMAP) { FiemapResult(ref c); return; }
        if (c.Failed) { c.Out.Ptr(c.Arg(2)); return; }
        if (cmd == FS_IOC_FSGETXATTR) Xattr(ref c, true);
        else IoctlArgs.UIntRef(ref c, c.Arg(2), IoctlConstants.InodeFlags);
    }

    /// <summary>What the kernel mapped: " => {...}" after the request, its extents with -v.</summary>
    private static void FiemapResult(ref DecodeContext c)
    {
        if (c.Failed || !Printers.TryRead(ref c, c.Arg(2), out Fiemap m)) return;
        c.Out.Raw(" => {fm_flags="u8);
        IoctlConstants.FiemapFlags.Print(c.Out, m.Flags);
        c.Out.Raw(", fm_mapped_extents="u8).UInt(m.MappedExtents);
        if (!c.Unabbreviated) { c.Out.Raw(", ...}"u8); return; }
        c.Out.Raw(", fm_extents="u8);
        Printers.Array(ref c, c.Arg(2) + 32, m.MappedExtents, static (ref DecodeContext c, in FiemapExtent e) =>
        {
            c.Out.Raw("{fe_logical="u8).UInt(e.Logical).Raw(", fe_physical="u8).UInt(e.Physical)
                .Raw(", fe_length="u8).UInt(e.Length).Raw(", fe_flags="u8);
            IoctlConstants.FiemapExtentFlags.Print(c.Out, e.Flags);
            c.Out.Raw((byte)'}');
        });
        c.Out.Raw((byte)'}');
    }

    private static void Xattr(ref DecodeContext c, bool withExtents)
    {
        if (!IoctlArgs.Read(ref c, c.Arg(2), out Fsxattr x)) return;
        c.Out.Raw("{fsx_xflags="u8);
        IoctlConstants.FsxFlags.Print(c.Out, x.Xflags);
        c.Out.Raw(", fsx_extsize="u8).UInt(x.Extsize);
        if (withExtents) c.Out.Raw(", fsx_nextents="u8).UInt(x.Nextents);
        c.Out.Raw(", fsx_projid="u8).Hex(x.Projid).Raw(", fsx_cowextsize="u8).UInt(x.Cowextsize).Raw((byte)'}');
    }
}
