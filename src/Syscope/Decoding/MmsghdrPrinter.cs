using System.Runtime.CompilerServices;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding;

/// <summary>struct mmsghdr arrays of sendmmsg/recvmmsg: [{msg_hdr={...}, msg_len=5}, ...].</summary>
internal static class MmsghdrPrinter
{
    /// <summary>struct mmsghdr: a msghdr, then msg_len (and padding).</summary>
    private static readonly int Size = Unsafe.SizeOf<Mmsghdr>(), MsgLenOffset = Unsafe.SizeOf<Msghdr>();

    /// <param name="count">Entries to print.</param>
    /// <param name="withLen">Entries whose msg_len the kernel set (the first "returned" ones).</param>
    /// <param name="received">Received data: each entry's iovecs show only its msg_len bytes.</param>
    public static void Print(ref DecodeContext c, ulong addr, ulong count, long withLen, bool received)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (count == 0) { c.Out.BeginArray().EndArray(); return; }
        if (!Printers.TryRead(ref c, addr + (ulong)MsgLenOffset, out uint msgLen)) { c.Out.Hex(addr); return; }
        c.Out.BeginArray();
        for (ulong i = 0; i < count; i++)
        {
            ulong entry = addr + i * (ulong)Size;
            if (i > 0)
            {
                if (i >= (ulong)Printers.MaxElements(ref c)) { c.Out.Elided().Raw("..."u8); break; }
                if (!Printers.TryRead(ref c, entry + (ulong)MsgLenOffset, out msgLen)) { c.Out.Elided().Raw("... /* "u8).Hex(entry).Raw(" */"u8); break; }
            }
            c.Out.Element().BeginStruct().Field("msg_hdr"u8);
            MsghdrPrinter.Print(ref c, entry, received ? msgLen : long.MaxValue);
            if ((long)i < withLen) c.Out.Field("msg_len"u8).UInt(msgLen);
            c.Out.EndStruct();
        }
        c.Out.EndArray();
    }
}
