using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>Scheduling policy calls: sched_{set,get}scheduler, sched_{set,get}param,
/// sched_{set,get}attr, priority ranges and the round-robin interval.</summary>
internal static class SchedDecoders
{
    public static void Register(DecoderTable d)
    {
        d[Sys.sched_getscheduler] = new FuncDecoder((ref DecodeContext c) => Args.Pid(ref c, 0), (ref DecodeContext c) =>
        {
            // Only a plain policy is named; one with SCHED_RESET_ON_FORK or'ed in stays a number.
            if (!c.Failed && SchedConstants.Policies.TryName((ulong)c.ReturnValue, out var name)) c.Aux.Raw(name);
        }, exitArgs: false);
        d[Sys.sched_setscheduler] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Pid(ref c, 0);
            Args.Value(ref c, 1, SchedConstants.Policies);
            c.Out.Sep();
            Param(ref c, c.Arg(2));
        });
        d[Sys.sched_setparam] = new FuncDecoder((ref DecodeContext c) => { Args.Pid(ref c, 0); c.Out.Sep(); Param(ref c, c.Arg(1)); });
        d[Sys.sched_getparam] = new FuncDecoder((ref DecodeContext c) => Args.Pid(ref c, 0), (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed) c.Out.Ptr(c.Arg(1)); else Param(ref c, c.Arg(1));
        });
        var priorityRange = new FuncDecoder((ref DecodeContext c) => Args.Value(ref c, 0, SchedConstants.Policies));
        d[Sys.sched_get_priority_max] = priorityRange;
        d[Sys.sched_get_priority_min] = priorityRange;
        d[Sys.sched_rr_get_interval] = new FuncDecoder((ref DecodeContext c) => Args.Pid(ref c, 0), (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed) c.Out.Ptr(c.Arg(1)); else TimePrinters.Timespec(ref c, c.Arg(1));
        });
        d[Sys.sched_setattr] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Pid(ref c, 0);
            c.Out.Sep();
            Attr(ref c, c.Arg(1), uint.MaxValue);
            c.Scratch.C = c.Out.Length;
        }, (ref DecodeContext c) =>
        {
            // E2BIG: the kernel wrote back the size it supports (in the text; the value is what was passed).
            if (c.ReturnValue == -E2BIG && Printers.TryRead(ref c, c.Arg(1), out uint size))
                c.Out.Raw(" => {size="u8).UInt(size).Raw((byte)'}').Annotated((int)c.Scratch.C);
            Args.UInt(ref c, 2);
        }, exitArgs: false);
        d[Sys.sched_getattr] = new FuncDecoder((ref DecodeContext c) => Args.Pid(ref c, 0), (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed) c.Out.Ptr(c.Arg(1)); else Attr(ref c, c.Arg(1), (uint)c.Arg(2));
            Args.UInt(ref c, 2);
            Args.UInt(ref c, 3);
        });
    }

    private const int E2BIG = 7;

    /// <summary>struct sched_param: only sched_priority, printed as [N].</summary>
    private static void Param(ref DecodeContext c, ulong addr)
    {
        if (addr == 0) c.Out.Ptr(0);
        else if (Printers.TryRead(ref c, addr, out int priority)) c.Out.BeginArray().Element().Int(priority).EndArray();
        else c.Out.Hex(addr);
    }

    private const uint SizeVer0 = 48, SizeVer1 = 56;

    /// <summary>Fields print up to the struct's own size (0 meaning the first version's 48; less
    /// than that, only the size); a larger size than syscope knows ends in "...".  The KEEP flags
    /// leave out fields the kernel will ignore.</summary>
    private static void Attr(ref DecodeContext c, ulong addr, uint bufferSize)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (!Printers.TryRead(ref c, addr, out SchedAttr a)) { c.Out.Hex(addr); return; }
        var w = c.Out;
        w.BeginStruct().Field("size"u8).UInt(a.Size);
        uint size = Math.Min(a.Size == 0 ? SizeVer0 : a.Size, bufferSize);
        if (size >= SizeVer0)
        {
            // strace leaves the policy out under either KEEP flag, the parameters only under KEEP_PARAMS.
            if ((a.Flags & (SchedConstants.SCHED_FLAG_KEEP_POLICY | SchedConstants.SCHED_FLAG_KEEP_PARAMS)) == 0)
            {
                w.Field("sched_policy"u8);
                SchedConstants.Policies.Print(w, a.Policy);
            }
            w.Field("sched_flags"u8);
            SchedConstants.AttrFlags.Print(w, a.Flags);
            if ((a.Flags & SchedConstants.SCHED_FLAG_KEEP_PARAMS) == 0)
            {
                w.Field("sched_nice"u8).Int(a.Nice).Field("sched_priority"u8).UInt(a.Priority);
                w.Field("sched_runtime"u8).UInt(a.Runtime).Field("sched_deadline"u8).UInt(a.Deadline);
                w.Field("sched_period"u8).UInt(a.Period);
            }
            if (size >= SizeVer1) w.Field("sched_util_min"u8).UInt(a.UtilMin).Field("sched_util_max"u8).UInt(a.UtilMax);
            if (size > SizeVer1) { w.EndStruct(abbreviated: true); return; }
        }
        w.EndStruct();
    }
}
