using Syscope.Decoding.Constants;
using Syscope.Events;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>Limits, usage, system information, randomness and CPU affinity.</summary>
internal static class ResourceDecoders
{
    public static void Register(DecoderTable d)
    {
        d[Sys.prlimit64] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Pid(ref c, 0);
            Args.Value(ref c, 1, ProcessConstants.Resources);
            c.Out.Sep();
            Rlimit(ref c, c.Arg(2));
        }, (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed) c.Out.Ptr(c.Arg(3)); else Rlimit(ref c, c.Arg(3));
        });
        d[Sys.getrlimit] = new FuncDecoder((ref DecodeContext c) => Args.Value(ref c, 0, ProcessConstants.Resources), (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed) c.Out.Ptr(c.Arg(1)); else Rlimit(ref c, c.Arg(1));
        });
        d[Sys.setrlimit] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Value(ref c, 0, ProcessConstants.Resources);
            c.Out.Sep();
            Rlimit(ref c, c.Arg(1));
        });
        d[Sys.getrusage] = new FuncDecoder((ref DecodeContext c) => Args.Value(ref c, 0, ProcessConstants.RusageWho), (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed) c.Out.Ptr(c.Arg(1)); else Wait.Rusage(ref c, c.Arg(1));
        });
        d[Sys.getpriority] = new FuncDecoder((ref DecodeContext c) => { Args.Value(ref c, 0, ProcessConstants.PriorityWhich); PriorityWho(ref c); });
        d[Sys.setpriority] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Value(ref c, 0, ProcessConstants.PriorityWhich);
            PriorityWho(ref c);
            Args.Int(ref c, 2);
        });
        d[Sys.uname] = new FuncDecoder(Nothing, Uname);
        d[Sys.sysinfo] = new FuncDecoder(Nothing, Sysinfo);
        d[Sys.times] = new FuncDecoder(Nothing, Times);
        d[Sys.getrandom] = new FuncDecoder(Nothing, (ref DecodeContext c) =>
        {
            c.Out.Sep();
            // Random bytes are not text: strace always shows them in hex.
            if (c.Failed) c.Out.Ptr(c.Arg(0)); else Printers.Buffer(ref c, c.Arg(0), c.ReturnValue, forceHex: true);
            Args.ULong(ref c, 1);
            Args.Flags(ref c, 2, ProcessConstants.GetrandomFlags);
        });
        d[Sys.sched_getaffinity] = new FuncDecoder((ref DecodeContext c) => { Args.Pid(ref c, 0); Args.ULong(ref c, 1); }, (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed) c.Out.Ptr(c.Arg(2)); else CpuSetPrinter.Print(ref c, c.Arg(2), (ulong)c.ReturnValue);
        });
        d[Sys.sched_setaffinity] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Pid(ref c, 0);
            Args.ULong(ref c, 1);
            c.Out.Sep();
            CpuSetPrinter.Print(ref c, c.Arg(2), (uint)c.Arg(1));
        });
    }

    /// <summary>getpriority's and setpriority's who: PRIO_PROCESS, PRIO_PGRP, PRIO_USER.</summary>
    private static void PriorityWho(ref DecodeContext c) =>
        IoprioDecoders.Who(ref c, 1, c.Arg(0) == 0 ? PidKind.Process : c.Arg(0) == 1 ? PidKind.Group : null);

    private static void Nothing(ref DecodeContext c) { }

    /// <summary>rlim_t is 64 bits on x86_64 for getrlimit and setrlimit too: strace names its
    /// infinity RLIM64_INFINITY in all three calls.</summary>
    private static void Rlimit(ref DecodeContext c, ulong addr)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (!Printers.TryRead(ref c, addr, out Rlimit64 r)) { c.Out.Hex(addr); return; }
        Limit(c.Out.BeginStruct().Field("rlim_cur"u8), r.Cur);
        Limit(c.Out.Field("rlim_max"u8), r.Max);
        c.Out.EndStruct();
    }

    /// <summary>Limits that are whole kibibytes print as "N*1024".</summary>
    private static void Limit(ArgWriter w, ulong v)
    {
        if (v != ulong.MaxValue && (v <= 1024 || v % 1024 != 0)) { w.UInt(v); return; }
        var mark = w.BeginConst();
        if (v == ulong.MaxValue) w.ConstName("RLIM64_INFINITY"u8); else w.UInt(v / 1024).Raw("*1024"u8);
        w.EndConst(mark, v, NumberBase.Unsigned);
    }

    private static readonly byte[][] s_utsFields =
        ["sysname"u8.ToArray(), "nodename"u8.ToArray(), "release"u8.ToArray(), "version"u8.ToArray(), "machine"u8.ToArray(), "domainname"u8.ToArray()];

    private static void Uname(ref DecodeContext c)
    {
        c.Out.Sep();
        ulong addr = c.Arg(0);
        Span<byte> uts = stackalloc byte[65 * 6];
        if (c.Failed || Printers.ReadStruct(ref c, addr, uts) < uts.Length) { c.Out.Ptr(addr); return; }
        int fields = c.Unabbreviated ? 6 : 2;
        c.Out.BeginStruct();
        for (int i = 0; i < fields; i++)
        {
            var f = uts.Slice(i * 65, 65);
            int nul = f.IndexOf((byte)0);
            c.Out.Field(s_utsFields[i]).Quoted(nul >= 0 ? f[..nul] : f, c.Options.HexStrings, false);
        }
        c.Out.EndStruct(abbreviated: !c.Unabbreviated);
    }

    /// <summary>times(2) at exit: the four CPU times, each in ticks with its seconds.</summary>
    private static void Times(ref DecodeContext c)
    {
        c.Out.Sep();
        if (c.Failed || !Printers.TryRead(ref c, c.Arg(0), out Tms t)) { c.Out.Ptr(c.Arg(0)); return; }
        var w = c.Out.BeginStruct();
        TimePrinters.ClockTicks(w.Field("tms_utime"u8), t.Utime);
        TimePrinters.ClockTicks(w.Field("tms_stime"u8), t.Stime);
        TimePrinters.ClockTicks(w.Field("tms_cutime"u8), t.Cutime);
        TimePrinters.ClockTicks(w.Field("tms_cstime"u8), t.Cstime);
        w.EndStruct();
    }

    private static void Sysinfo(ref DecodeContext c)
    {
        c.Out.Sep();
        ulong addr = c.Arg(0);
        Span<ulong> s = stackalloc ulong[14];
        if (c.Failed || Printers.ReadStruct(ref c, addr, System.Runtime.InteropServices.MemoryMarshal.AsBytes(s)) < 112) { c.Out.Ptr(addr); return; }
        // struct sysinfo: uptime, loads[3], totalram, freeram, sharedram, bufferram, totalswap,
        // freeswap, procs (u16) + pad, totalhigh, freehigh, mem_unit (u32).
        var w = c.Out;
        w.BeginStruct().Field("uptime"u8).Int((long)s[0]);
        w.Field("loads"u8).BeginArray().Element().UInt(s[1]).Element().UInt(s[2]).Element().UInt(s[3]).EndArray();
        w.Field("totalram"u8).UInt(s[4]).Field("freeram"u8).UInt(s[5]).Field("sharedram"u8).UInt(s[6]);
        w.Field("bufferram"u8).UInt(s[7]).Field("totalswap"u8).UInt(s[8]).Field("freeswap"u8).UInt(s[9]);
        w.Field("procs"u8).UInt(s[10] & 0xffff).Field("totalhigh"u8).UInt(s[11]).Field("freehigh"u8).UInt(s[12]);
        w.Field("mem_unit"u8).UInt(s[13] & 0xffffffff).EndStruct();
    }
}
