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
    /// here; strace uses the local zone), for any year that fits an int as glibc's gmtime has it
    /// (unpadded, negative before year 0: "-1943-10-23T01:57:57+0000"), and, as strace, nothing for
    /// the epoch itself (an unset time) or a fraction that is not one.</summary>
    /// <param name="digits">The fraction's digits: 9 for nanoseconds, 6 for a timeval's microseconds.</param>
    public static void DateComment(ArgWriter w, long sec, long nsec, bool fraction = true, int digits = 9)
    {
        if (!fraction) nsec = 0;
        if ((sec == 0 && nsec == 0) || (ulong)nsec >= (ulong)Scale(digits) || !Dated(sec)) return;
        int valueEnd = w.Length;
        w.Raw(" /* "u8);
        Date(w, sec, nsec, digits);
        w.Raw(" */"u8);
        w.Annotated(valueEnd);
    }

    private static long Scale(int digits) => digits == 6 ? 1_000_000 : 1_000_000_000;

    /// <summary>Whether a second count has a date glibc's gmtime can give (its year fits an int).</summary>
    public static bool Dated(long sec) => CivilDate(Days(sec, out _)).Year - 1900 is >= int.MinValue and <= int.MaxValue;

    private static long Days(long sec, out long second)
    {
        long days = Math.DivRem(sec, 86400, out second);
        if (second < 0) { second += 86400; days--; }
        return days;
    }

    /// <summary>"2026-11-24T14:48:24+0000" (with ".169542090" before the zone for a fraction):
    /// the date alone, as time(2)'s result shows it in parentheses.</summary>
    public static void Date(ArgWriter w, long sec, long fraction = 0, int digits = 9)
    {
        var (year, month, day) = CivilDate(Days(sec, out long second));
        w.Padded(year, 1).Raw((byte)'-').Padded(month, 2).Raw((byte)'-').Padded(day, 2)
            .Raw((byte)'T').Padded(second / 3600, 2).Raw((byte)':').Padded(second / 60 % 60, 2).Raw((byte)':').Padded(second % 60, 2);
        if (fraction > 0 && fraction < Scale(digits)) w.Raw((byte)'.').Padded(fraction, digits);
        w.Raw("+0000"u8);
    }

    /// <summary>The proleptic Gregorian date of a day counted from 1970-01-01, for any day a
    /// 64-bit time can name (400-year eras of 146,097 days, years starting in March).</summary>
    private static (long Year, int Month, int Day) CivilDate(long days)
    {
        days += 719_468;
        long era = (days >= 0 ? days : days - 146_096) / 146_097;
        long dayOfEra = days - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthFromMarch = (5 * dayOfYear + 2) / 153;
        int day = (int)(dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
        int month = (int)(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return (year, month, day);
    }

    /// <summary>utimes' and futimesat's two timevals, each with its date when it is a valid time.</summary>
    public static void TimevalPair(ref DecodeContext c, ulong addr)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        // Two timevals have two timespecs' layout on x86_64.
        Span<Timespec> two = stackalloc Timespec[2];
        if (Printers.ReadStruct(ref c, addr, MemoryMarshal.AsBytes(two)) < 32) { c.Out.Hex(addr); return; }
        c.Out.BeginArray();
        for (int i = 0; i < 2; i++)
        {
            TimevalValue(c.Out.Element(), two[i].Sec, two[i].Nsec);
            DateComment(c.Out, two[i].Sec, two[i].Nsec, digits: 6);
        }
        c.Out.EndArray();
    }

    /// <summary>utime's {actime=..., modtime=...}, each second count with its date.</summary>
    public static void Utimbuf(ref DecodeContext c, ulong addr)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (!Printers.TryRead(ref c, addr, out Utimbuf u)) { c.Out.Hex(addr); return; }
        c.Out.BeginStruct().Field("actime"u8).Int(u.Actime);
        DateComment(c.Out, u.Actime, 0, fraction: false);
        c.Out.Field("modtime"u8).Int(u.Modtime);
        DateComment(c.Out, u.Modtime, 0, fraction: false);
        c.Out.EndStruct();
    }
}
