using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding.Ioctls;

/// <summary>&lt;linux/fs.h&gt; block device requests (type 0x12): sizes and settings read back as
/// numbers of their own width, read-ahead values passed by value, byte ranges to discard,
/// partition changes (BLKPG) and block trace setup.</summary>
internal sealed unsafe class BlockIoctls : IoctlFamily
{
    private const uint ROSET = 0x125d, ROGET = 0x125e, RRPART = 0x125f, GETSIZE = 0x1260, FLSBUF = 0x1261;
    private const uint RASET = 0x1262, RAGET = 0x1263, FRASET = 0x1264, FRAGET = 0x1265, SECTGET = 0x1267;
    private const uint SSZGET = 0x1268, PG = 0x1269, BSZGET = 0x80081270, BSZSET = 0x40081271, GETSIZE64 = 0x80081272;
    private const uint TRACESETUP = 0xc0481273, TRACESTART = 0x1274, TRACESTOP = 0x1275, TRACETEARDOWN = 0x1276;
    private const uint DISCARD = 0x1277, IOMIN = 0x1278, IOOPT = 0x1279, ALIGNOFF = 0x127a, PBSZGET = 0x127b;
    private const uint DISCARDZEROES = 0x127c, SECDISCARD = 0x127d, ROTATIONAL = 0x127e, ZEROOUT = 0x127f;
    private const uint GETDISKSEQ = 0x80081280;

    public override ReadOnlySpan<byte> Types => [0x12];

    public override IoctlArg Entry(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        var w = c.Out;
        switch (cmd)
        {
            case RRPART or FLSBUF or TRACESTART or TRACESTOP or TRACETEARDOWN: return IoctlArg.Done;
            case RASET or FRASET: Args.ULong(ref c, 2); return IoctlArg.Done;
            case ROSET or BSZSET: w.Sep(); Args.IntRef(ref c, arg); return IoctlArg.Done;
            case ROGET or BSZGET or SSZGET or ALIGNOFF or PBSZGET or IOMIN or IOOPT or DISCARDZEROES or SECTGET or ROTATIONAL
                or RAGET or FRAGET or GETSIZE or GETSIZE64 or GETDISKSEQ:
                return IoctlArg.AtExit;
            case DISCARD or SECDISCARD or ZEROOUT:
                w.Sep();
                if (IoctlArgs.Read(ref c, arg, out BlkRange range))
                    w.BeginArray().Element().UInt(range.Start).Element().UInt(range.Length).EndArray();
                return IoctlArg.Done;
            case PG: w.Sep(); Partition(ref c, arg); return IoctlArg.Done;
            case TRACESETUP:
                w.Sep();
                if (!IoctlArgs.Read(ref c, arg, out BlkUserTraceSetup s)) return IoctlArg.Done;
                w.BeginStruct().Field("act_mask"u8).UInt(s.ActMask).Field("buf_size"u8).UInt(s.BufSize)
                    .Field("buf_nr"u8).UInt(s.BufNr).Field("start_lba"u8).UInt(s.StartLba).Field("end_lba"u8).UInt(s.EndLba)
                    .Field("pid"u8);
                c.PidNotes.Write(w, (int)s.Pid);
                // Exit (called only after Continues) adds the name the kernel gave and closes it.
                return IoctlArg.Continues;
            default: return IoctlArg.Unknown;
        }
    }

    public override void Exit(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        var w = c.Out;
        if (cmd == TRACESETUP)
        {
            if (!c.Failed && Printers.TryRead(ref c, arg, out BlkUserTraceSetup s))
            {
                w.Field("name"u8);
                IoctlArgs.CString(ref c, new ReadOnlySpan<byte>(s.Name, 32));
            }
            w.EndStruct();
            return;
        }
        if (c.Failed) { w.Ptr(arg); return; }
        switch (cmd)
        {
            case SECTGET or ROTATIONAL:
                if (IoctlArgs.Read(ref c, arg, out ushort u16)) w.BeginArray().Element().UInt(u16).EndArray();
                return;
            case PBSZGET or IOMIN or IOOPT or DISCARDZEROES:
                if (IoctlArgs.Read(ref c, arg, out uint u32)) w.BeginArray().Element().UInt(u32).EndArray();
                return;
            case ROGET or BSZGET or SSZGET or ALIGNOFF:
                if (IoctlArgs.Read(ref c, arg, out int i32)) w.BeginArray().Element().Int(i32).EndArray();
                return;
            case RAGET or FRAGET:
                if (IoctlArgs.Read(ref c, arg, out long i64)) w.BeginArray().Element().Int(i64).EndArray();
                return;
            default:
                if (IoctlArgs.Read(ref c, arg, out ulong u64)) w.BeginArray().Element().UInt(u64).EndArray();
                return;
        }
    }

    /// <summary>BLKPG's operation, and the partition it names (read whatever the operation).</summary>
    private static void Partition(ref DecodeContext c, ulong addr)
    {
        if (!IoctlArgs.Read(ref c, addr, out BlkpgIoctlArg a)) return;
        var w = c.Out;
        w.BeginStruct().Field("op"u8);
        BlockConstants.BlkpgOps.PrintInt(w, (uint)a.Op);
        w.Field("flags"u8).Int(a.Flags).Field("datalen"u8).Int(a.Datalen).Field("data"u8);
        if (!IoctlArgs.Read(ref c, a.Data, out BlkpgPartition p)) { w.EndStruct(); return; }
        w.BeginStruct().Field("start"u8).Int(p.Start).Field("length"u8).Int(p.Length).Field("pno"u8).Int(p.Pno)
            .Field("devname"u8);
        IoctlArgs.CString(ref c, new ReadOnlySpan<byte>(p.Devname, 64));
        w.Field("volname"u8);
        IoctlArgs.CString(ref c, new ReadOnlySpan<byte>(p.Volname, 64));
        w.EndStruct().EndStruct();
    }
}
