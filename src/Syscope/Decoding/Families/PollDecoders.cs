using Syscope.Decoding.Constants;

namespace Syscope.Decoding.Families;

/// <summary>poll, ppoll and epoll: requested events at entry, ready ones at exit.</summary>
internal static class PollDecoders
{
    public static void Register(Dictionary<string, SyscallDecoder> d)
    {
        d["poll"] = new FuncDecoder(PollEntry, (ref DecodeContext c) => { Revents(ref c); Args.Int(ref c, 2); });
        d["ppoll"] = new FuncDecoder((ref DecodeContext c) =>
        {
            PollEntry(ref c);
            c.Out.Sep();
            TimePrinters.Timespec(ref c, c.Arg(2));
            c.Out.Sep();
            SignalPrinters.Set(ref c, c.Arg(3), c.Arg(4));
            Args.ULong(ref c, 4);
        }, (ref DecodeContext c) =>
        {
            Revents(ref c);
            if (c.ReturnValue > 0 && c.Arg(2) != 0 && Printers.TryRead(ref c, c.Arg(2), out TimePrinters.TimespecRaw left))
            {
                c.Aux.Raw(", left "u8);
                TimePrinters.TimespecValue(c.Aux, left.Sec, left.Nsec);
            }
        }, exitArgs: false);
        d["epoll_create1"] = new FuncDecoder((ref DecodeContext c) => Args.Flags(ref c, 0, DescConstants.EpollCreateFlags), null, ReturnFormat.Fd);
        d["epoll_create"] = new FuncDecoder((ref DecodeContext c) => Args.Int(ref c, 0), null, ReturnFormat.Fd);
        d["epoll_ctl"] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Fd(ref c, 0);
            Args.Value(ref c, 1, DescConstants.EpollOps);
            Args.Fd(ref c, 2);
            c.Out.Sep();
            EpollEvents(ref c, c.Arg(3), 1, array: false);
        });
        d["epoll_wait"] = new FuncDecoder((ref DecodeContext c) => Args.Fd(ref c, 0), EpollWaitExit);
        d["epoll_pwait"] = new FuncDecoder((ref DecodeContext c) => Args.Fd(ref c, 0), (ref DecodeContext c) =>
        {
            EpollWaitExit(ref c);
            c.Out.Sep();
            SignalPrinters.Set(ref c, c.Arg(4), c.Arg(5));
            Args.ULong(ref c, 5);
        });
    }

    private struct Pollfd { public int Fd; public short Events, Revents; }

    private static void PollEntry(ref DecodeContext c)
    {
        c.Out.Sep();
        ulong addr = c.Arg(0);
        ulong n = c.Arg(1);
        if (addr == 0) { c.Out.Raw("NULL"u8); Args.UInt(ref c, 1); return; }
        c.Out.Raw((byte)'[');
        for (ulong i = 0; i < n; i++)
        {
            if (i > 0) c.Out.Raw(", "u8);
            if (i >= (ulong)c.Options.StringLimit) { c.Out.Raw("..."u8); break; }
            if (!Printers.TryRead(ref c, addr + i * 8, out Pollfd p)) { c.Out.Raw("... /* "u8).Hex(addr + i * 8).Raw(" */"u8); break; }
            c.Out.Raw("{fd="u8).Int(p.Fd);
            Args.FdPath(ref c, p.Fd, c.Out);
            c.Out.Raw(", events="u8);
            DescConstants.PollEvents.Print(c.Out, (ushort)p.Events);
            c.Out.Raw((byte)'}');
        }
        c.Out.Raw((byte)']');
        Args.UInt(ref c, 1);
    }

    /// <summary>The ready descriptors go after the return value: "= 1 ([{fd=3, revents=POLLIN}])".</summary>
    private static void Revents(ref DecodeContext c)
    {
        if (c.Failed) return;
        if (c.ReturnValue == 0) { c.Aux.Raw("Timeout"u8); return; }
        var w = c.Aux;
        w.Raw((byte)'[');
        bool first = true;
        for (ulong i = 0; i < c.Arg(1); i++)
        {
            if (!Printers.TryRead(ref c, c.Arg(0) + i * 8, out Pollfd p)) break;
            if (p.Revents == 0) continue;
            if (!first) w.Raw(", "u8);
            first = false;
            w.Raw("{fd="u8).Int(p.Fd).Raw(", revents="u8);
            DescConstants.PollEvents.Print(w, (ushort)p.Revents);
            w.Raw((byte)'}');
        }
        w.Raw((byte)']');
    }

    private struct EpollEvent { public uint Events; public uint DataLow; public uint DataHigh; }

    private static void EpollWaitExit(ref DecodeContext c)
    {
        c.Out.Sep();
        if (c.Failed) c.Out.Ptr(c.Arg(1)); else EpollEvents(ref c, c.Arg(1), c.ReturnValue, array: true);
        Args.Int(ref c, 2);
        Args.Int(ref c, 3);
    }

    /// <summary>epoll_event is packed on x86_64: 4 bytes of events, then 8 of data.</summary>
    private static void EpollEvents(ref DecodeContext c, ulong addr, long count, bool array)
    {
        if (addr == 0) { c.Out.Raw("NULL"u8); return; }
        Span<byte> raw = stackalloc byte[12];
        if (array) c.Out.Raw((byte)'[');
        for (long i = 0; i < count; i++)
        {
            if (i > 0) c.Out.Raw(", "u8);
            if (i >= c.Options.StringLimit) { c.Out.Raw("..."u8); break; }
            if (c.Memory.Read(addr + (ulong)(i * 12), raw) < 12)
            {
                if (i == 0 && !array) { c.Out.Hex(addr); return; }
                c.Out.Raw("... /* "u8).Hex(addr + (ulong)(i * 12)).Raw(" */"u8);
                break;
            }
            uint events = BitConverter.ToUInt32(raw);
            ulong data = BitConverter.ToUInt64(raw[4..]);
            c.Out.Raw("{events="u8);
            DescConstants.EpollEvents.Print(c.Out, events);
            c.Out.Raw(", data={u32="u8).UInt((uint)data).Raw(", u64="u8).UInt(data).Raw("}}"u8);
        }
        if (array) c.Out.Raw((byte)']');
    }
}
