using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding.Ioctls;

/// <summary>&lt;mtd/mtd-abi.h&gt; raw flash requests (type 'M', which the OSS mixer shares: a read or
/// write request is named MIXER_READ(nr) or MIXER_WRITE(nr) first): erasing, locking, OOB reads and
/// writes, OTP areas, bad blocks, and the device's geometry and ECC layout.</summary>
internal sealed unsafe class MtdIoctls : IoctlFamily
{
    private const uint GETINFO = 0x80204d01, ERASE = 0x40084d02, WRITEOOB = 0xc0104d03, READOOB = 0xc0104d04;
    private const uint LOCK = 0x40084d05, UNLOCK = 0x40084d06, GETREGIONCOUNT = 0x80044d07, GETREGIONINFO = 0xc0104d08;
    private const uint GETOOBSEL = 0x80c84d0a, GETBADBLOCK = 0x40084d0b, SETBADBLOCK = 0x40084d0c, OTPSELECT = 0x80044d0d;
    private const uint OTPGETREGIONCOUNT = 0x40044d0e, OTPGETREGIONINFO = 0x400c4d0f, OTPLOCK = 0x800c4d10;
    private const uint ECCGETLAYOUT = 0x81484d11, ECCGETSTATS = 0x80104d12, FILEMODE = 0x4d13, ERASE64 = 0x40104d14;
    private const uint WRITEOOB64 = 0xc0184d15, READOOB64 = 0xc0184d16, ISLOCKED = 0x80084d17, WRITE = 0xc0304d18;

    public override ReadOnlySpan<byte> Types => [(byte)'M'];

    public override bool PrintRequest(ArgWriter w, uint cmd, bool inComment)
    {
        if (Dir(cmd) == Write) w.Raw("MIXER_WRITE("u8);
        else if (Dir(cmd) == Read) w.Raw("MIXER_READ("u8);
        else return false;
        w.UInt(Nr(cmd)).Raw((byte)')');
        return true;
    }

    public override IoctlArg Entry(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        var w = c.Out;
        switch (cmd)
        {
            case GETINFO or GETOOBSEL or ECCGETLAYOUT or ECCGETSTATS or OTPGETREGIONCOUNT or GETREGIONCOUNT or OTPGETREGIONINFO:
                return IoctlArg.AtExit;
            case FILEMODE: w.Sep(); MtdConstants.FileModes.Print(w, arg); return IoctlArg.Done;
        }
        w.Sep();
        switch (cmd)
        {
            case ERASE or LOCK or UNLOCK or ISLOCKED:
                if (IoctlArgs.Read(ref c, arg, out EraseInfoUser e))
                    w.BeginStruct().Field("start"u8).Hex(e.Start).Field("length"u8).Hex(e.Length).EndStruct();
                return IoctlArg.Done;
            case ERASE64:
                if (IoctlArgs.Read(ref c, arg, out EraseInfoUser64 e64))
                    w.BeginStruct().Field("start"u8).Hex(e64.Start).Field("length"u8).Hex(e64.Length).EndStruct();
                return IoctlArg.Done;
            case WRITEOOB or READOOB:
                if (IoctlArgs.Read(ref c, arg, out MtdOobBuf b))
                    w.BeginStruct().Field("start"u8).Hex(b.Start).Field("length"u8).Hex(b.Length).Field("ptr"u8).Ptr(b.Ptr).EndStruct();
                return IoctlArg.Done;
            case WRITEOOB64 or READOOB64:
                if (IoctlArgs.Read(ref c, arg, out MtdOobBuf64 b64))
                    w.BeginStruct().Field("start"u8).Hex(b64.Start).Field("length"u8).Hex(b64.Length).Field("usr_ptr"u8).Ptr(b64.UsrPtr).EndStruct();
                return IoctlArg.Done;
            case WRITE:
                if (!IoctlArgs.Read(ref c, arg, out MtdWriteReq r)) return IoctlArg.Done;
                w.BeginStruct().Field("start"u8).Hex(r.Start).Field("len"u8).Hex(r.Len).Field("ooblen"u8).Hex(r.OobLen)
                    .Field("usr_data"u8).Ptr(r.UsrData).Field("usr_oob"u8).Ptr(r.UsrOob).Field("mode"u8);
                MtdConstants.OobModes.Print(w, r.Mode);
                w.EndStruct();
                return IoctlArg.Done;
            case OTPLOCK: Otp(ref c, arg); return IoctlArg.Done;
            case OTPSELECT:
                if (IoctlArgs.Read(ref c, arg, out uint mode))
                {
                    w.BeginArray().Element();
                    MtdConstants.OtpModes.Print(w, mode);
                    w.EndArray();
                }
                return IoctlArg.Done;
            case GETBADBLOCK or SETBADBLOCK:
                if (IoctlArgs.Read(ref c, arg, out ulong block)) w.BeginArray().Element().UInt(block).EndArray();
                return IoctlArg.Done;
            case GETREGIONINFO:
                // The index goes in; the region's place and size come back.
                if (!IoctlArgs.Read(ref c, arg, out RegionInfoUser region)) return IoctlArg.Done;
                w.BeginStruct().Field("regionindex"u8).Hex(region.RegionIndex);
                return IoctlArg.Continues;
            default:
                w.Hex(arg);
                return IoctlArg.Done;
        }
    }

    public override void Exit(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        var w = c.Out;
        if (cmd == GETREGIONINFO)
        {
            if (!c.Failed && Printers.TryRead(ref c, arg, out RegionInfoUser region))
                w.Field("offset"u8).Hex(region.Offset).Field("erasesize"u8).Hex(region.EraseSize).Field("numblocks"u8).Hex(region.NumBlocks);
            w.EndStruct();
            return;
        }
        if (c.Failed) { w.Ptr(arg); return; }
        switch (cmd)
        {
            case GETINFO:
                if (!IoctlArgs.Read(ref c, arg, out MtdInfoUser info)) return;
                w.BeginStruct().Field("type"u8);
                MtdConstants.Types.Print(w, info.Type);
                w.Field("flags"u8);
                MtdConstants.Flags.Print(w, info.Flags);
                w.Field("size"u8).Hex(info.Size).Field("erasesize"u8).Hex(info.EraseSize).Field("writesize"u8).Hex(info.WriteSize)
                    .Field("oobsize"u8).Hex(info.OobSize).Field("padding"u8).Hex(info.Padding).EndStruct();
                return;
            case GETOOBSEL:
                if (!IoctlArgs.Read(ref c, arg, out NandOobInfo oob)) return;
                w.BeginStruct().Field("useecc"u8);
                MtdConstants.NandEcc.Print(w, oob.UseEcc);
                w.Field("eccbytes"u8).Hex(oob.EccBytes).Field("oobfree"u8);
                Pairs(ref c, new ReadOnlySpan<uint>(oob.OobFree, 16), bracketed: true);
                w.Field("eccpos"u8);
                HexWords(ref c, new ReadOnlySpan<uint>(oob.EccPos, 32));
                w.EndStruct();
                return;
            case ECCGETLAYOUT:
                if (!IoctlArgs.Read(ref c, arg, out NandEccLayoutUser layout)) return;
                w.BeginStruct().Field("eccbytes"u8).Hex(layout.EccBytes).Field("eccpos"u8);
                HexWords(ref c, new ReadOnlySpan<uint>(layout.EccPos, NandEccLayoutUser.MaxEccPos));
                w.Field("oobavail"u8).Hex(layout.OobAvail).Field("oobfree"u8);
                Pairs(ref c, new ReadOnlySpan<uint>(layout.OobFree, 2 * NandEccLayoutUser.MaxOobFree), bracketed: false);
                w.EndStruct();
                return;
            case ECCGETSTATS:
                if (IoctlArgs.Read(ref c, arg, out MtdEccStats s))
                    w.BeginStruct().Field("corrected"u8).Hex(s.Corrected).Field("failed"u8).Hex(s.Failed)
                        .Field("badblocks"u8).Hex(s.BadBlocks).Field("bbtblocks"u8).Hex(s.BbtBlocks).EndStruct();
                return;
            case OTPGETREGIONCOUNT:
                if (IoctlArgs.Read(ref c, arg, out uint count)) w.BeginArray().Element().UInt(count).EndArray();
                return;
            case GETREGIONCOUNT: Args.IntRef(ref c, arg); return;
            case OTPGETREGIONINFO: Otp(ref c, arg); return;
        }
    }

    private static void Otp(ref DecodeContext c, ulong arg)
    {
        if (IoctlArgs.Read(ref c, arg, out OtpInfo o))
            c.Out.BeginStruct().Field("start"u8).Hex(o.Start).Field("length"u8).Hex(o.Length).Field("locked"u8).UInt(o.Locked).EndStruct();
    }

    /// <summary>An array of words in hex, cut at -s's count without -v.</summary>
    private static void HexWords(ref DecodeContext c, scoped ReadOnlySpan<uint> words)
    {
        int max = Printers.MaxElements(ref c);
        c.Out.BeginArray();
        for (int i = 0; i < words.Length; i++)
        {
            if (i == max) { c.Out.Elided().Raw("..."u8); break; }
            c.Out.Element().Hex(words[i]);
        }
        c.Out.EndArray();
    }

    /// <summary>(offset, length) pairs: as [a, b] (nand_oobinfo's u32[8][2]) or as struct nand_oobfree.</summary>
    private static void Pairs(ref DecodeContext c, scoped ReadOnlySpan<uint> words, bool bracketed)
    {
        int max = Printers.MaxElements(ref c);
        var w = c.Out;
        w.BeginArray();
        for (int i = 0; i < words.Length / 2; i++)
        {
            if (i == max) { w.Elided().Raw("..."u8); break; }
            w.Element();
            if (bracketed) w.BeginArray().Element().Hex(words[2 * i]).Element().Hex(words[2 * i + 1]).EndArray();
            else w.BeginStruct().Field("offset"u8).Hex(words[2 * i]).Field("length"u8).Hex(words[2 * i + 1]).EndStruct();
        }
        w.EndArray();
    }
}
