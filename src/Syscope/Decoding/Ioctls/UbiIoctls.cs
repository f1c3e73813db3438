using System.Runtime.InteropServices;
using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding.Ioctls;

/// <summary>&lt;mtd/ubi-user.h&gt; UBI requests of the control device and UBI devices (type 'o')
/// and of volumes (type 'O'): attaching MTD devices, making, resizing and renaming volumes,
/// eraseblock changes and maps, volume properties; the number a new device or volume got.</summary>
internal sealed unsafe class UbiIoctls : IoctlFamily
{
    private const uint MKVOL = 0x40986f00, RMVOL = 0x40046f01, RSVOL = 0x400c6f02, RNVOL = 0x51106f03;
    private const uint RPEB = 0x40046f04, SPEB = 0x40046f05, ATT = 0x40186f40, DET = 0x40046f41;
    private const uint VOLUP = 0x40084f00, EBER = 0x40044f01, EBCH = 0x40044f02, EBMAP = 0x40084f03;
    private const uint EBUNMAP = 0x40044f04, EBISMAP = 0x80044f05, SETVOLPROP = 0x40104f06, VOLCRBLK = 0x40804f07;
    private const uint VOLRMBLK = 0x4f08;

    /// <summary>Scratch.B: entry printed the request, so exit adds " => [number]" after a success.</summary>
    private const long ShownAtEntry = 1;

    public override ReadOnlySpan<byte> Types => [(byte)'o', (byte)'O'];

    public override IoctlArg Entry(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        var w = c.Out;
        c.Scratch.B = 0;
        switch (cmd)
        {
            case VOLCRBLK or VOLRMBLK: return IoctlArg.Done;
            case RMVOL or RPEB or SPEB or DET or EBER or EBUNMAP or EBISMAP: w.Sep(); Args.IntRef(ref c, arg); return IoctlArg.Done;
            case VOLUP: w.Sep(); Args.LongRef(ref c, arg); return IoctlArg.Done;
            case ATT:
                w.Sep();
                if (!IoctlArgs.Read(ref c, arg, out UbiAttachReq a)) return IoctlArg.Done;
                w.BeginStruct().Field("ubi_num"u8).Int(a.UbiNum).Field("mtd_num"u8).Int(a.MtdNum)
                    .Field("vid_hdr_offset"u8).Int(a.VidHdrOffset).Field("max_beb_per1024"u8).Int(a.MaxBebPer1024).EndStruct();
                c.Scratch.B = ShownAtEntry;
                return IoctlArg.Continues;
            case MKVOL:
                w.Sep();
                if (!IoctlArgs.Read(ref c, arg, out UbiMkvolReq m)) return IoctlArg.Done;
                w.BeginStruct().Field("vol_id"u8).Int(m.VolId).Field("alignment"u8).Int(m.Alignment).Field("bytes"u8).Int(m.Bytes)
                    .Field("vol_type"u8);
                UbiConstants.VolumeTypes.PrintInt(w, (ulong)(long)m.VolType);
                w.Field("flags"u8);
                UbiConstants.VolumeFlags.Print(w, m.Flags);
                w.Field("name_len"u8).Int(m.NameLen).Field("name"u8);
                Name(ref c, new ReadOnlySpan<byte>(m.Name, UbiMkvolReq.MaxName + 1), m.NameLen);
                w.EndStruct();
                c.Scratch.B = ShownAtEntry;
                return IoctlArg.Continues;
            case RSVOL:
                w.Sep();
                if (IoctlArgs.Read(ref c, arg, out UbiRsvolReq r))
                    w.BeginStruct().Field("bytes"u8).Int(r.Bytes).Field("vol_id"u8).Int(r.VolId).EndStruct();
                return IoctlArg.Done;
            case RNVOL: w.Sep(); Rename(ref c, arg); return IoctlArg.Done;
            case EBCH:
                w.Sep();
                if (!IoctlArgs.Read(ref c, arg, out UbiLebChangeReq l)) return IoctlArg.Done;
                w.BeginStruct().Field("lnum"u8).Int(l.Lnum).Field("bytes"u8).Int(l.Bytes).Field("dtype"u8);
                UbiConstants.DataTypes.PrintInt(w, (ulong)(long)l.Dtype);
                w.EndStruct();
                return IoctlArg.Done;
            case EBMAP:
                w.Sep();
                if (!IoctlArgs.Read(ref c, arg, out UbiMapReq map)) return IoctlArg.Done;
                w.BeginStruct().Field("lnum"u8).Int(map.Lnum).Field("dtype"u8);
                UbiConstants.DataTypes.PrintInt(w, (ulong)(long)map.Dtype);
                w.EndStruct();
                return IoctlArg.Done;
            case SETVOLPROP:
                w.Sep();
                if (!IoctlArgs.Read(ref c, arg, out UbiSetVolPropReq p)) return IoctlArg.Done;
                w.BeginStruct().Field("property"u8);
                UbiConstants.VolumeProperties.Print(w, p.Property);
                w.Field("value"u8).Hex(p.Value).EndStruct();
                return IoctlArg.Done;
            default: return IoctlArg.Unknown;
        }
    }

    /// <summary>The number the kernel wrote over the request's first field: the new device's or volume's.</summary>
    public override void Exit(ref DecodeContext c, uint cmd)
    {
        if (c.Scratch.B != ShownAtEntry || c.Failed || !Printers.TryRead(ref c, c.Arg(2), out int number)) return;
        var w = c.Out;
        int requestEnd = w.Length;
        w.Raw(" => ["u8).Padded(number, 1).Raw((byte)']');
        // For --json the value stays the request passed; the number given back is in its text.
        w.Annotated(requestEnd);
    }

    /// <summary>UBI_IOCRNVOL's count and its entries (at most UBI_MAX_RNVOL).</summary>
    private static void Rename(ref DecodeContext c, ulong addr)
    {
        if (!IoctlArgs.Read(ref c, addr, out UbiRnvolReq req)) return;
        var w = c.Out;
        w.BeginStruct().Field("count"u8).Int(req.Count).Field("ents"u8).BeginArray();
        var entries = MemoryMarshal.Cast<byte, UbiRnvolEntry>(new ReadOnlySpan<byte>(req.Ents, UbiRnvolReq.MaxEntries * UbiRnvolReq.EntrySize));
        for (int i = 0; i < Math.Clamp(req.Count, 0, UbiRnvolReq.MaxEntries); i++)
        {
            var e = entries[i];
            w.Element().BeginStruct().Field("vol_id"u8).Int(e.VolId).Field("name_len"u8).Int(e.NameLen).Field("name"u8);
            Name(ref c, new ReadOnlySpan<byte>(e.Name, UbiMkvolReq.MaxName + 1), e.NameLen);
            w.EndStruct();
        }
        w.EndArray().EndStruct();
    }

    /// <summary>A volume name of the length given (0 to UBI_MAX_VOLUME_NAME), "..." when the bytes go on past it.</summary>
    private static void Name(ref DecodeContext c, ReadOnlySpan<byte> name, short length) =>
        IoctlArgs.CString(ref c, name[..(Math.Clamp((int)length, 0, UbiMkvolReq.MaxName) + 1)]);
}
