using Syscope.Decoding.Constants;
using Syscope.Kernel;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>Socket calls: creation, addresses (with socklen in/out as "[128 => 16]"), data, options.</summary>
internal static class NetworkDecoders
{
    public static void Register(DecoderTable d)
    {
        d[Sys.socket] = new FuncDecoder(SocketArgs);
        d[Sys.socketpair] = new FuncDecoder(SocketArgs, (ref DecodeContext c) => DescDecoders.FdPair(ref c, 3));
        var withAddress = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Fd(ref c, 0);
            c.Out.Sep();
            SockaddrPrinter.Print(ref c, c.Arg(1), (long)(uint)c.Arg(2));
            Args.UInt(ref c, 2);
        });
        d[Sys.connect] = withAddress;
        d[Sys.bind] = withAddress;
        d[Sys.listen] = new FuncDecoder((ref DecodeContext c) => { Args.Fd(ref c, 0); Args.Int(ref c, 1); });
        d[Sys.shutdown] = new FuncDecoder((ref DecodeContext c) => { Args.Fd(ref c, 0); Args.Value(ref c, 1, NetConstants.Shutdown); });
        var nameOut = new FuncDecoder(SaveLen2, (ref DecodeContext c) => AddressOut(ref c, 1, 2));
        d[Sys.getsockname] = nameOut;
        d[Sys.getpeername] = nameOut;
        d[Sys.accept] = new FuncDecoder(SaveLen2, (ref DecodeContext c) => AddressOut(ref c, 1, 2));
        d[Sys.accept4] = new FuncDecoder(SaveLen2, (ref DecodeContext c) =>
        {
            AddressOut(ref c, 1, 2);
            Args.Flags(ref c, 3, NetConstants.SocketFlags);
        });
        d[Sys.sendto] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Fd(ref c, 0);
            c.Out.Sep();
            SocketData(ref c, c.Arg(1), (long)c.Arg(2));
            Args.ULong(ref c, 2);
            Args.Flags(ref c, 3, NetConstants.MsgFlags);
            c.Out.Sep();
            SockaddrPrinter.Print(ref c, c.Arg(4), (long)(uint)c.Arg(5));
            Args.UInt(ref c, 5);
        });
        d[Sys.recvfrom] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Fd(ref c, 0);
            SaveLen(ref c, 5);
        }, (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed) c.Out.Ptr(c.Arg(1)); else SocketData(ref c, c.Arg(1), Math.Min(c.ReturnValue, (long)c.Arg(2)));
            Args.ULong(ref c, 2);
            Args.Flags(ref c, 3, NetConstants.MsgFlags);
            AddressOut(ref c, 4, 5);
        });
        d[Sys.sendmsg] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Fd(ref c, 0);
            c.Out.Sep();
            MsghdrPrinter.Print(ref c, c.Arg(1), long.MaxValue);
            Args.Flags(ref c, 2, NetConstants.MsgFlags);
        });
        d[Sys.recvmsg] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Fd(ref c, 0);
            c.Scratch.A = MsghdrPrinter.NameLen(ref c, c.Arg(1));
        }, (ref DecodeContext c) =>
        {
            c.Out.Sep();
            // A failed call shows only the name length the caller offered, as strace does.
            if (c.Failed && c.Scratch.A >= 0) c.Out.BeginStruct().Field("msg_namelen"u8).UInt((ulong)c.Scratch.A).EndStruct();
            else if (c.Failed) c.Out.Ptr(c.Arg(1));
            else MsghdrPrinter.Print(ref c, c.Arg(1), c.ReturnValue, c.Scratch.A);
            Args.Flags(ref c, 2, NetConstants.MsgFlags);
        });
        d[Sys.sendmmsg] = new FuncDecoder((ref DecodeContext c) => Args.Fd(ref c, 0), (ref DecodeContext c) =>
        {
            // Printed at exit, for the msg_len of each message sent; even a failed call shows the array.
            c.Out.Sep();
            MmsghdrPrinter.Print(ref c, c.Arg(1), (uint)c.Arg(2), c.Failed ? 0 : c.ReturnValue, received: false);
            Args.UInt(ref c, 2);
            Args.Flags(ref c, 3, NetConstants.MsgFlags);
        });
        d[Sys.recvmmsg] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Fd(ref c, 0);
            TimePrinters.SaveTimespec(ref c, c.Arg(4));
            MmsghdrPrinter.SaveNameLengths(ref c, c.Arg(1), (uint)c.Arg(2));
        }, (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed) c.Out.Ptr(c.Arg(1)); else MmsghdrPrinter.Print(ref c, c.Arg(1), (ulong)c.ReturnValue, c.ReturnValue, received: true);
            Args.UInt(ref c, 2);
            Args.Flags(ref c, 3, NetConstants.MsgFlags);
            c.Out.Sep();
            TimePrinters.SavedTimespec(ref c, c.Arg(4));
            if (c.Failed) return;
            if (c.ReturnValue == 0) c.Aux.Raw("Timeout"u8);
            else if (c.Arg(4) != 0 && !c.AddressesOnly)
            {
                c.Aux.Raw("left "u8);
                if (Printers.TryRead(ref c, c.Arg(4), out Timespec left)) TimePrinters.TimespecValue(c.Aux, left.Sec, left.Nsec);
                else c.Aux.Hex(c.Arg(4));
            }
        });
        d[Sys.setsockopt] = new FuncDecoder((ref DecodeContext c) =>
        {
            SockoptHead(ref c, get: false);
            c.Out.Sep();
            SockoptPrinter.Given(ref c, c.IntArg(1), c.IntArg(2), c.Arg(3), c.IntArg(4));
            Args.Int(ref c, 4);
        });
        d[Sys.getsockopt] = new FuncDecoder((ref DecodeContext c) =>
        {
            SockoptHead(ref c, get: true);
            // Whether the caller's length could be read: -1 is a length a caller may give.
            int given = 0;
            bool known = !c.AddressesOnly && c.Arg(4) != 0 && Printers.TryRead(ref c, c.Arg(4), out given);
            c.Scratch.B = known ? 1 : 0;
            c.Scratch.A = known ? given : 0;
        }, (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Scratch.B == 0) { c.Out.Ptr(c.Arg(3)); c.Out.Sep().Ptr(c.Arg(4)); return; }
            int given = (int)c.Scratch.A;
            if (c.Failed || !Printers.TryRead(ref c, c.Arg(4), out int returned))
            {
                // The length the caller gave still shows after a failure.
                c.Out.Ptr(c.Arg(3));
                c.Out.Sep().BeginArray().Element().Int(given).EndArray();
                return;
            }
            SockoptPrinter.Got(ref c, c.IntArg(1), c.IntArg(2), c.Arg(3), given, returned);
            c.Out.Sep();
            InOutLen(c.Out, given, returned);
        });
    }

    /// <summary>sendto/recvfrom data: netlink messages on a netlink socket, bytes otherwise.</summary>
    private static void SocketData(ref DecodeContext c, ulong addr, long len)
    {
        if (Netlink.NetlinkPrinter.IsNetlink(ref c, c.IntArg(0))) Netlink.NetlinkPrinter.Print(ref c, c.IntArg(0), addr, len);
        else Printers.Buffer(ref c, addr, len);
    }

    private static void SocketArgs(ref DecodeContext c)
    {
        Args.Value(ref c, 0, NetConstants.Families);
        c.Out.Sep();
        SocketType(c.Out, c.Arg(1));
        c.Out.Sep();
        Protocol(c.Out, c.IntArg(0), c.Arg(2));
    }

    private static void SocketType(ArgWriter w, ulong type)
    {
        type = (uint)type;
        if (NetConstants.SocketTypes.TryName(type & 0xf, out _))
        {
            var whole = w.BeginFlagsOf();
            NetConstants.SocketTypes.Print(w, type & 0xf);
            NetConstants.SocketFlags.PrintMore(w, type & ~0xfUL);
            w.EndFlagsOf(whole, type);
        }
        else NetConstants.SocketFlags.Print(w, type);
    }

    private static void Protocol(ArgWriter w, int family, ulong proto)
    {
        switch (family)
        {
            case NetConstants.AF_INET or NetConstants.AF_INET6: NetConstants.IpProtocols.PrintInt(w, proto); break;
            case NetConstants.AF_NETLINK: NetConstants.NetlinkProtocols.PrintInt(w, proto); break;
            case NetConstants.AF_BLUETOOTH: NetConstants.BluetoothProtocols.PrintInt(w, proto); break;
            case NetConstants.AF_PACKET:
                SockaddrPrinter.Htons(w, NetConstants.EthernetProtocols, System.Buffers.Binary.BinaryPrimitives.ReverseEndianness((ushort)proto));
                break;
            default: w.Int((int)proto); break;
        }
    }

    private static void SaveLen2(ref DecodeContext c)
    {
        Args.Fd(ref c, 0);
        SaveLen(ref c, 2);
    }

    /// <summary>Remembers the caller's buffer length for the "[in => out]" form at exit.</summary>
    private static void SaveLen(ref DecodeContext c, int i) =>
        c.Scratch.A = Printers.TryRead(ref c, c.Arg(i), out int len) ? len : -1;

    private static void AddressOut(ref DecodeContext c, int addrArg, int lenArg)
    {
        c.Out.Sep();
        ulong lenAddr = c.Arg(lenArg);
        if (c.Failed || lenAddr == 0 || !Printers.TryRead(ref c, lenAddr, out int outLen))
        {
            c.Out.Ptr(c.Arg(addrArg));
            c.Out.Sep();
            if (c.Failed && lenAddr != 0 && c.Scratch.A >= 0) c.Out.BeginArray().Element().Int(c.Scratch.A).EndArray();
            else c.Out.Ptr(lenAddr);
            return;
        }
        SockaddrPrinter.Print(ref c, c.Arg(addrArg), Math.Min(outLen, (int)c.Scratch.A));
        c.Out.Sep();
        InOutLen(c.Out, (int)c.Scratch.A, outLen);
    }

    private static void InOutLen(ArgWriter w, int inLen, int outLen)
    {
        w.BeginArray().Element();
        InOut(w, inLen, outLen);
        w.EndArray();
    }

    /// <summary>A value the call changed: "in => out", or the one value when it stayed; for
    /// --json the value after the call.</summary>
    internal static void InOut(ArgWriter w, long inValue, long outValue)
    {
        int start = w.Length;
        if (inValue != outValue) w.Int(inValue).Raw(" => "u8);
        w.Int(outValue).MarkNumber(start, (ulong)outValue, signed: true);
    }

    private static void SockoptHead(ref DecodeContext c, bool get)
    {
        Args.Fd(ref c, 0);
        SockoptPrinter.Head(c.Out.Sep(), c.Arg(1), c.Arg(2), get);
    }
}
