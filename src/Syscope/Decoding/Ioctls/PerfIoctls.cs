using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding.Ioctls;

/// <summary>&lt;linux/perf_event.h&gt; requests of type '$', on a perf event's descriptor.</summary>
internal sealed class PerfIoctls : IoctlFamily
{
    private const uint ENABLE = 0x2400, DISABLE = 0x2401, REFRESH = 0x2402, RESET = 0x2403, PERIOD = 0x40082404,
        SET_OUTPUT = 0x2405, SET_FILTER = 0x40082406, ID = 0x80082407, SET_BPF = 0x40042408, PAUSE_OUTPUT = 0x40042409,
        QUERY_BPF = 0xc008240a, MODIFY_ATTRIBUTES = 0x4008240b;
    /// <summary>strace reads a filter of at most a page.</summary>
    private const int FilterMax = 4096;

    public override ReadOnlySpan<byte> Types => [(byte)'$'];

    public override IoctlArg Entry(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        var w = c.Out;
        switch (cmd)
        {
            case ENABLE or DISABLE or RESET: w.Sep(); PerfConstants.IoctlFlags.Print(w, (uint)arg); return IoctlArg.Done;
            case REFRESH: w.Sep().Int((int)arg); return IoctlArg.Done;
            case PERIOD: w.Sep(); U64Ref(ref c, arg); return IoctlArg.Done;
            case SET_OUTPUT or SET_BPF: Args.FdValue(ref c, (int)arg, w.Sep()); return IoctlArg.Done;
            case PAUSE_OUTPUT: w.Sep().UInt(arg); return IoctlArg.Done;
            case SET_FILTER: w.Sep(); Printers.String(ref c, arg, FilterMax); return IoctlArg.Done;
            case ID: return IoctlArg.AtExit;
            case QUERY_BPF:
                w.Sep();
                if (!IoctlArgs.Read(ref c, arg, out uint idsLen)) return IoctlArg.Done;
                w.BeginStruct().Field("ids_len"u8).UInt(idsLen);
                return IoctlArg.Continues;
            case MODIFY_ATTRIBUTES:
                w.Sep();
                if (PerfAttrPrinter.TryFetch(ref c, arg, out var attr, out int size)) PerfAttrPrinter.Print(ref c, attr, size);
                else w.Ptr(arg);
                return IoctlArg.Done;
            default: return IoctlArg.Unknown;
        }
    }

    public override void Exit(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        if (cmd == ID)
        {
            if (c.Failed) c.Out.Ptr(arg); else U64Ref(ref c, arg);
            return;
        }
        // QUERY_BPF: the programs' ids the kernel wrote, as many as it says it has.
        var w = c.Out;
        if (c.Failed || !Printers.TryRead(ref c, arg, out PerfEventQueryBpf query))
        {
            w.EndStruct(abbreviated: true);
            return;
        }
        w.Field("prog_cnt"u8).UInt(query.ProgCnt).Field("ids"u8);
        Printers.Array(ref c, arg + 8, query.ProgCnt, static (ref DecodeContext c, in uint id) => c.Out.UInt(id));
        w.EndStruct();
    }

    /// <summary>A __u64 through a pointer: [N].</summary>
    private static void U64Ref(ref DecodeContext c, ulong addr)
    {
        if (IoctlArgs.Read(ref c, addr, out ulong v)) c.Out.BeginArray().Element().UInt(v).EndArray();
    }
}
