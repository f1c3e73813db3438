using System.Runtime.CompilerServices;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding;

/// <summary>struct mmsghdr arrays of sendmmsg/recvmmsg: [{msg_hdr={...}, msg_len=5}, ...].</summary>
internal static class MmsghdrPrinter
{
    /// <summary>struct mmsghdr: a msghdr, then msg_len (and padding).</summary>
    private static readonly int Size = Unsafe.SizeOf<Mmsghdr>(), MsgLenOffset = Unsafe.SizeOf<Msghdr>();

    /// <summary>strace shows at most IOV_MAX messages, even under -v (UIO_MAXIOV: the kernel takes no more).</summary>
    private const int IovMax = 1024;

    /// <summary>recvmmsg at entry: keeps each message's msg_namelen (how many in Scratch.D) for
    /// <see cref="Print"/> at the return, whose "msg_namelen=0 => 38" needs the caller's value,
    /// which the kernel overwrites.</summary>
    public static void SaveNameLengths(ref DecodeContext c, ulong addr, ulong count)
    {
        c.Scratch.D = 0;
        int n = (int)Math.Min(count, IovMax);
        if (n == 0 || addr == 0) return;
        var saved = c.Scratch.MessageNameLengths ??= new uint[IovMax];
        for (int i = 0; i < n; i++)
        {
            if (!Printers.TryRead(ref c, addr + (ulong)(i * Size), out Msghdr m)) break;
            saved[i] = m.NameLen;
            c.Scratch.D = i + 1;
        }
    }

    private static long SavedNameLength(ref DecodeContext c, ulong i) =>
        i < (ulong)c.Scratch.D && c.Scratch.MessageNameLengths is { } saved ? saved[i] : -1;

    /// <param name="count">Entries to print.</param>
    /// <param name="withLen">Entries whose msg_len the kernel set (the first "returned" ones).</param>
    /// <param name="received">Received data: each entry's iovecs show only its msg_len bytes, and
    /// its msg_namelen as the entry kept it and the kernel set it.</param>
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
                if (i >= (ulong)Math.Min(Printers.MaxElements(ref c), IovMax)) { c.Out.Elided().Raw("..."u8); break; }
                if (!Printers.TryRead(ref c, entry + (ulong)MsgLenOffset, out msgLen)) { c.Out.Elided().Raw("... /* "u8).Hex(entry).Raw(" */"u8); break; }
            }
            c.Out.Element().BeginStruct().Field("msg_hdr"u8);
            MsghdrPrinter.Print(ref c, entry, received ? msgLen : long.MaxValue, received ? SavedNameLength(ref c, i) : -1);
            if ((long)i < withLen) c.Out.Field("msg_len"u8).UInt(msgLen);
            c.Out.EndStruct();
        }
        c.Out.EndArray();
    }
}
