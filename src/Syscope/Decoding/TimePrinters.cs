using System.Runtime.InteropServices;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding;

/// <summary>timespec, timeval and the "/* 2026-11-24T14:48:24.169542090+0000 */" comments strace
/// adds to absolute times.</summary>
internal static class TimePrinters
{
    public static void Timespec(ref DecodeContext c, ulong addr) => SecondsAndFraction(ref c, addr, nanos: true);

    public static void Timeval(ref DecodeContext c, ulong addr) => SecondsAndFraction(ref c, addr, nanos: false);

    /// <summary>timespec and timeval share a layout on x86_64: two longs.</summary>
    private static void SecondsAndFraction(ref DecodeContext c, ulong addr, bool nanos)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (!Printers.TryRead(ref c, addr, out Timespec t)) { c.Out.Hex(addr); return; }
        if (nanos) TimespecValue(c.Out, t.Sec, t.Nsec); else TimevalValue(c.Out, t.Sec, t.Nsec);
    }

    /// <summary>Keeps an input timespec at entry (in Scratch.A..C) for an exit that prints it in
    /// its place after output arguments, as strace shows the value the call was given.</summary>
    public static void SaveTimespec(ref DecodeContext c, ulong addr)
    {
        c.Scratch.A = Printers.TryRead(ref c, addr, out Timespec t) ? 1 : 0;
        (c.Scratch.B, c.Scratch.C) = (t.Sec, t.Nsec);
    }

    public static void SavedTimespec(ref DecodeContext c, ulong addr)
    {
        if (addr == 0) c.Out.Ptr(0);
        else if (c.Scratch.A == 1) TimespecValue(c.Out, c.Scratch.B, c.Scratch.C);
        else c.Out.Hex(addr);
    }

    // strace prints the fraction unsigned: a bad one shows as the huge number the kernel rejects.
    public static void TimespecValue(ArgWriter w, long sec, long nsec) =>
        w.BeginStruct().Field("tv_sec"u8).Int(sec).Field("tv_nsec"u8).UInt((ulong)nsec).EndStruct();

    public static void TimevalValue(ArgWriter w, long sec, long usec) =>
        w.BeginStruct().Field("tv_sec"u8).Int(sec).Field("tv_usec"u8).UInt((ulong)usec).EndStruct();

    /// <summary>CPU time in clock ticks (USER_HZ, 100 per second; clock_t, printed unsigned), with
    /// the seconds in a comment when not zero and not -X raw: "1 /* 0.01 s */".</summary>
    public static void ClockTicks(ArgWriter w, ulong ticks)
    {
        w.UInt(ticks);
        if (ticks == 0 || w.Style == ConstStyle.Raw) return;
        int valueEnd = w.Length;
        w.Raw(" /* "u8).UInt(ticks / 100).Raw((byte)'.').Padded((long)(ticks % 100), 2).Raw(" s */"u8);
        w.Annotated(valueEnd);
    }

    /// <summary>Two timespecs (utimensat): [{...}, {...}], with UTIME_NOW/UTIME_OMIT by name.</summary>
    public static void TimespecPair(ref DecodeContext c, ulong addr)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        Span<Timespec> two = stackalloc Timespec[2];
        if (Printers.ReadStruct(ref c, addr, MemoryMarshal.AsBytes(two)) < 32) { c.Out.Hex(addr); return; }
        c.Out.BeginArray();
        for (int i = 0; i < 2; i++)
        {
            long ns = two[i].Nsec;
            var special = ns == (1L << 30) - 1 ? "UTIME_NOW"u8 : ns == (1L << 30) - 2 ? "UTIME_OMIT"u8 : default;
            c.Out.Element();
            int valueEnd = -1;
            if (special.IsEmpty || c.Out.Style != ConstStyle.Abbrev)
            {
                TimespecValue(c.Out, two[i].Sec, ns);
                valueEnd = c.Out.Length;
            }
            if (special.IsEmpty) DateComment(c.Out, two[i].Sec, ns);
            else if (c.Out.Style == ConstStyle.Abbrev) c.Out.FixedName(special, (ulong)ns);
            else if (c.Out.Style == ConstStyle.Verbose) { c.Out.Raw(" /* "u8).Raw(special).Raw(" */"u8); c.Out.Annotated(valueEnd); }
        }
        c.Out.EndArray();
    }

    /// <summary>" /* 2026-11-24T14:48:24.169542090+0000 */": the time in UTC (tracers run in UTC
    /// here; strace uses the local zone), nothing for times outside DateTime's range, and, as strace,
    /// nothing for the epoch itself (an unset time) or a fraction that is not one.</summary>
    public static void DateComment(ArgWriter w, long sec, long nsec, bool fraction = true)
    {
        if (!fraction) nsec = 0;
        if ((sec == 0 && nsec == 0) || (ulong)nsec > 999_999_999) return;
        if (sec < -62135596800 || sec > 253402300799) return;
        int valueEnd = w.Length;
        var t = DateTime.UnixEpoch.AddSeconds(sec);
        w.Raw(" /* "u8).Padded(t.Year, 4).Raw((byte)'-').Padded(t.Month, 2).Raw((byte)'-').Padded(t.Day, 2)
            .Raw((byte)'T').Padded(t.Hour, 2).Raw((byte)':').Padded(t.Minute, 2).Raw((byte)':').Padded(t.Second, 2);
        if (fraction && nsec is > 0 and < 1_000_000_000) w.Raw((byte)'.').Padded(nsec, 9);
        w.Raw("+0000 */"u8);
        w.Annotated(valueEnd);
    }
}
