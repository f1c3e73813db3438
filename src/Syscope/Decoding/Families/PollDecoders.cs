using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>poll, ppoll and epoll: requested events at entry, ready ones at exit.</summary>
internal static class PollDecoders
{
    public static void Register(DecoderTable d)
    {
        // strace prints poll's timeout at entry, so a blocked poll shows it before "<unfinished ...>".
        d[Sys.poll] = new FuncDecoder((ref DecodeContext c) => { PollEntry(ref c); Args.Int(ref c, 2); }, Revents, exitArgs: false);
        d[Sys.ppoll] = new FuncDecoder((ref DecodeContext c) =>
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
            if (c.ReturnValue > 0 && c.Arg(2) != 0 && Printers.TryRead(ref c, c.Arg(2), out Timespec left))
            {
                c.Aux.Raw(", left "u8);
                TimePrinters.TimespecValue(c.Aux, left.Sec, left.Nsec);
            }
        }, exitArgs: false);
        d[Sys.select] = new FuncDecoder((ref DecodeContext c) => SelectEntry(ref c, nanos: false), (ref DecodeContext c) => SelectExit(ref c, nanos: false), exitArgs: false);
        d[Sys.pselect6] = new FuncDecoder((ref DecodeContext c) =>
        {
            SelectEntry(ref c, nanos: true);
            c.Out.Sep();
            SigmaskPair(ref c, c.Arg(5));
        }, (ref DecodeContext c) => SelectExit(ref c, nanos: true), exitArgs: false);
        d[Sys.epoll_create1] = new FuncDecoder((ref DecodeContext c) => Args.Flags(ref c, 0, DescConstants.EpollCreateFlags));
        d[Sys.epoll_create] = new FuncDecoder((ref DecodeContext c) => Args.Int(ref c, 0));
        d[Sys.epoll_ctl] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Fd(ref c, 0);
            Args.Value(ref c, 1, DescConstants.EpollOps);
            Args.Fd(ref c, 2);
            c.Out.Sep();
            // EPOLL_CTL_DEL ignores the event, so strace shows only its address.
            if (c.IntArg(1) == 2) c.Out.Ptr(c.Arg(3)); else EpollEvents(ref c, c.Arg(3), 1, array: false);
        });
        d[Sys.epoll_wait] = new FuncDecoder((ref DecodeContext c) => Args.Fd(ref c, 0), EpollWaitExit);
        d[Sys.epoll_pwait] = new FuncDecoder((ref DecodeContext c) => Args.Fd(ref c, 0), (ref DecodeContext c) =>
        {
            EpollWaitExit(ref c);
            c.Out.Sep();
            SignalPrinters.Set(ref c, c.Arg(4), c.Arg(5));
            Args.ULong(ref c, 5);
        });
    }

    private static void PollEntry(ref DecodeContext c)
    {
        c.Out.Sep();
        ulong addr = c.Arg(0);
        // nfds is an unsigned int: the register's upper half is not part of it.
        ulong n = (uint)c.Arg(1);
        if (c.AddressesOnly) c.Out.Ptr(addr);
        else Printers.Array(ref c, addr, n, static (ref DecodeContext c, in Pollfd p) =>
        {
            Args.FdValue(ref c, p.Fd, c.Out.BeginStruct().Field("fd"u8));
            // The kernel ignores a negative descriptor's events, and strace leaves them out.
            if (p.Fd >= 0) DescConstants.PollEvents.Print(c.Out.Field("events"u8), (ushort)p.Events);
            c.Out.EndStruct();
        });
        Args.UInt(ref c, 1);
    }

    /// <summary>strace builds the revents text in a 1 KiB buffer and ends it with "..." when the
    /// next entry would not leave room for the closing text; this is that budget.</summary>
    private const int ReventsBudget = 997;

    /// <summary>The ready descriptors go after the return value: "= 1 ([{fd=3, revents=POLLIN}])".</summary>
    private static void Revents(ref DecodeContext c)
    {
        if (c.Failed) return;
        if (c.ReturnValue == 0) { c.Aux.Raw("Timeout"u8); return; }
        if (c.AddressesOnly) return;
        var w = c.Aux;
        int start = w.Length, printed = 0, max = Printers.MaxElements(ref c);
        for (ulong i = 0; i < (uint)c.Arg(1); i++)
        {
            ulong at = c.Arg(0) + i * 8;
            bool readable = Printers.TryRead(ref c, at, out Pollfd p);
            if (readable && p.Revents == 0) continue;
            w.Raw(w.Length == start ? "["u8 : ", "u8);
            if (!readable) { w.Hex(at); break; }
            if (printed >= max) { w.Raw("..."u8); break; }
            int entry = w.Length;
            w.Raw("{fd="u8).Int(p.Fd).Raw(", revents="u8);
            DescConstants.PollEvents.Print(w, (ushort)p.Revents);
            if (w.Length - start + 1 >= ReventsBudget) { w.Truncate(entry); w.Raw("..."u8); break; }
            w.Raw((byte)'}');
            printed++;
        }
        if (w.Length != start) w.Raw((byte)']');
    }

    private const int MaxSelectFds = 1 << 16;

    private static void SelectEntry(ref DecodeContext c, bool nanos)
    {
        Args.Int(ref c, 0);
        int nfds = c.IntArg(0);
        for (int i = 1; i <= 3; i++) { c.Out.Sep(); FdSet(ref c, c.Out, c.Arg(i), nfds, withPaths: true); }
        c.Out.Sep();
        if (nanos) TimePrinters.Timespec(ref c, c.Arg(4)); else TimePrinters.Timeval(ref c, c.Arg(4));
    }

    /// <summary>The sets the kernel left behind, after the return: "(in [3], out [4], left {...})".</summary>
    private static void SelectExit(ref DecodeContext c, bool nanos)
    {
        if (c.Failed) return;
        if (c.ReturnValue == 0) { c.Aux.Raw("Timeout"u8); return; }
        if (c.AddressesOnly) return;
        // Ready descriptors are counted but the sets came back empty (the three sets shared one
        // buffer): strace still shows the parentheses, "= 1 ()".
        c.NotesShown = true;
        int nfds = c.IntArg(0);
        bool any = false;
        for (int i = 1; i <= 3; i++)
        {
            var name = i == 1 ? "in"u8 : i == 2 ? "out"u8 : "except"u8;
            if (c.Arg(i) == 0 || !HasAny(ref c, c.Arg(i), nfds)) continue;
            if (any) c.Aux.Raw(", "u8);
            any = true;
            c.Aux.Raw(name).Raw((byte)' ');
            FdSet(ref c, c.Aux, c.Arg(i), nfds, withPaths: false);
        }
        if (c.Arg(4) != 0 && Printers.TryRead(ref c, c.Arg(4), out Timespec left))
        {
            if (any) c.Aux.Raw(", "u8);
            c.Aux.Raw("left "u8);
            if (nanos) TimePrinters.TimespecValue(c.Aux, left.Sec, left.Nsec); else TimePrinters.TimevalValue(c.Aux, left.Sec, left.Nsec);
        }
    }

    /// <summary>The longs after the first (which the caller has read) can be read too.</summary>
    private static bool Readable(ref DecodeContext c, ulong addr, int nfds)
    {
        for (int fd = 64; fd < nfds && fd < MaxSelectFds; fd += 64)
            if (!Printers.TryRead(ref c, addr + (ulong)(fd / 8), out ulong _)) return false;
        return true;
    }

    /// <summary>Some descriptor of the set is in it; strace reads the set whole after the call,
    /// so a set that runs into unreadable memory has none ("= 1 ()").</summary>
    private static bool HasAny(ref DecodeContext c, ulong addr, int nfds)
    {
        if (!Readable(ref c, addr, nfds)) return false;
        for (int fd = 0; fd < nfds && fd < MaxSelectFds; fd += 64)
        {
            if (!Printers.TryRead(ref c, addr + (ulong)(fd / 8), out ulong word)) return false;
            int bits = Math.Min(64, nfds - fd);
            if ((bits == 64 ? word : word & ((1UL << bits) - 1)) != 0) return true;
        }
        return false;
    }

    /// <summary>An fd_set as the list of descriptors in it: [0 3].</summary>
    private static void FdSet(ref DecodeContext c, ArgWriter w, ulong addr, int nfds, bool withPaths)
    {
        if (addr == 0) { w.Ptr(0); return; }
        // strace reads the set whole: when any of its longs is unreadable, the address shows.
        if (nfds < 0 || !Printers.TryRead(ref c, addr, out ulong word) || !Readable(ref c, addr, nfds)) { w.Hex(addr); return; }
        w.BeginArray();
        for (int fd = 0; fd < nfds && fd < MaxSelectFds; fd++)
        {
            if ((fd & 63) == 0 && fd > 0 && !Printers.TryRead(ref c, addr + (ulong)(fd / 8), out word)) break;
            if ((word & (1UL << (fd & 63))) == 0) continue;
            int start = w.Element(" "u8).Length;
            w.Int(fd);
            if (withPaths) Args.FdPath(ref c, fd, w);
            w.MarkFd(start, fd);
        }
        w.EndArray();
    }

    /// <summary>pselect6's sixth argument: {[mask], size}.</summary>
    private static void SigmaskPair(ref DecodeContext c, ulong addr)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (!Printers.TryRead(ref c, addr, out SigsetArgument a)) { c.Out.Hex(addr); return; }
        c.Out.BeginStruct().Field("sigmask"u8);
        SignalPrinters.Set(ref c, a.Mask, a.Size);
        c.Out.Field("sigsetsize"u8).UInt(a.Size).EndStruct();
    }

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
        if (addr == 0 || c.AddressesOnly) { c.Out.Ptr(addr); return; }
        Span<byte> raw = stackalloc byte[12];
        if (!array)
        {
            // epoll_ctl's one event: unreadable, it is the address (and -s 0 leaves it out, as in an array).
            if (Printers.MaxElements(ref c) <= 0) c.Out.Raw("..."u8);
            else if (Printers.ReadStruct(ref c, addr, raw) < 12) c.Out.Hex(addr);
            else EpollEvent(c.Out, raw);
            return;
        }
        c.Out.BeginArray();
        for (long i = 0; i < count; i++)
        {
            if (i >= Printers.MaxElements(ref c)) { c.Out.Elided().Raw("..."u8); break; }
            if (Printers.ReadStruct(ref c, addr + (ulong)(i * 12), raw) < 12)
            {
                c.Out.Elided().Raw("... /* "u8).Hex(addr + (ulong)(i * 12)).Raw(" */"u8);
                break;
            }
            EpollEvent(c.Out.Element(), raw);
        }
        c.Out.EndArray();
    }

    private static void EpollEvent(ArgWriter w, ReadOnlySpan<byte> raw)
    {
        uint events = BitConverter.ToUInt32(raw);
        ulong data = BitConverter.ToUInt64(raw[4..]);
        DescConstants.EpollEvents.Print(w.BeginStruct().Field("events"u8), events);
        w.Field("data"u8).BeginStruct().Field("u32"u8).UInt((uint)data).Field("u64"u8).UInt(data).EndStruct().EndStruct();
    }
}
