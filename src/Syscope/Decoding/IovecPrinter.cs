using Syscope.Kernel.Abi;

namespace Syscope.Decoding;

/// <summary>iovec arrays: [{iov_base="ab", iov_len=2}, ...].  For reads only the bytes the call
/// returned are data, so dataLimit caps what is shown across the whole array; a negative one (a
/// failed read) shows each iov_base as its address, long.MaxValue (a write) every buffer.</summary>
internal static class IovecPrinter
{
    /// <param name="netlink">The data are netlink messages on the call's descriptor (argument 0).</param>
    public static void Print(ref DecodeContext c, ulong addr, ulong count, long dataLimit, bool netlink = false)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (count == 0) { c.Out.BeginArray().EndArray(); return; }
        if (!Printers.TryRead(ref c, addr, out Iovec first)) { c.Out.Hex(addr); return; }
        c.Out.BeginArray();
        long left = dataLimit;
        for (ulong i = 0; i < count; i++)
        {
            // strace reads an element before it asks whether -s is reached, so an unreadable one
            // there still shows where memory ended.
            Iovec v = first;
            if (i > 0 && !Printers.TryRead(ref c, addr + i * 16, out v)) { c.Out.Elided().Raw("... /* "u8).Hex(addr + i * 16).Raw(" */"u8); break; }
            if (i >= (ulong)Printers.MaxElements(ref c)) { c.Out.Elided().Raw("..."u8); break; }
            c.Out.Element().BeginStruct().Field("iov_base"u8);
            long len = left < 0 ? -1 : (long)Math.Min(v.Len, (ulong)left);
            // A failed call (len -1) prints each buffer's address, netlink or not.
            if (netlink && len >= 0) Netlink.NetlinkPrinter.Print(ref c, c.IntArg(0), v.Base, len);
            else Printers.Buffer(ref c, v.Base, len);
            // long.MaxValue: no limit (data written), however long the buffers say they are.
            if (len > 0 && dataLimit != long.MaxValue) left -= len;
            c.Out.Field("iov_len"u8).UInt(v.Len).EndStruct();
        }
        c.Out.EndArray();
    }
}
