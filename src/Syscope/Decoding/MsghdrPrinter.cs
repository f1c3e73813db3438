using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding;

/// <summary>struct msghdr for sendmsg/recvmsg, with SCM_RIGHTS descriptors spelled out.</summary>
internal static class MsghdrPrinter
{
    private const int SOL_SOCKET = 1, SCM_RIGHTS = 1, SCM_CREDENTIALS = 2;

    /// <summary>msg_namelen at entry, for the "110 => 0" form recvmsg prints.</summary>
    public static long NameLen(ref DecodeContext c, ulong addr) =>
        Printers.TryRead(ref c, addr, out Msghdr m) ? m.NameLen : -1;

    public static void Print(ref DecodeContext c, ulong addr, long dataLimit, long nameLenIn = -1)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (!Printers.TryRead(ref c, addr, out Msghdr m)) { c.Out.Hex(addr); return; }
        var w = c.Out;
        w.BeginStruct().Field("msg_name"u8);
        SockaddrPrinter.Print(ref c, m.Name, m.NameLen);
        w.Field("msg_namelen"u8);
        if (nameLenIn >= 0) Families.NetworkDecoders.InOut(w, nameLenIn, m.NameLen); else w.UInt(m.NameLen);
        w.Field("msg_iov"u8);
        // strace reads the iovecs as netlink messages exactly when msg_name is a netlink address.
        bool netlink = m.Name != 0 && m.NameLen >= 2 && Printers.TryRead(ref c, m.Name, out ushort family) && family == NetConstants.AF_NETLINK;
        IovecPrinter.Print(ref c, m.Iov, m.IovLen, dataLimit, netlink);
        w.Field("msg_iovlen"u8).UInt(m.IovLen);
        if (m.ControlLen != 0)
        {
            w.Field("msg_control"u8);
            Control(ref c, m.Control, m.ControlLen);
        }
        w.Field("msg_controllen"u8).UInt(m.ControlLen).Field("msg_flags"u8);
        NetConstants.MsgFlags.Print(w, (uint)m.Flags);
        w.EndStruct();
    }

    private static void Control(ref DecodeContext c, ulong addr, ulong len)
    {
        Span<byte> buf = stackalloc byte[256];
        int n = (int)Math.Min(len, (ulong)buf.Length);
        if (Printers.ReadStruct(ref c, addr, buf[..n]) < n || n < 16) { c.Out.Hex(addr); return; }
        var w = c.Out;
        w.BeginArray();
        for (int off = 0; off + 16 <= n;)
        {
            long cmsgLen = BitConverter.ToInt64(buf[off..]);
            int level = BitConverter.ToInt32(buf[(off + 8)..]), type = BitConverter.ToInt32(buf[(off + 12)..]);
            w.Element().BeginStruct().Field("cmsg_len"u8).UInt((ulong)cmsgLen).Field("cmsg_level"u8);
            SockoptConstants.CmsgLevels.PrintInt(w, (ulong)level);
            w.Field("cmsg_type"u8);
            var data = buf.Slice(off + 16, (int)Math.Clamp(cmsgLen - 16, 0, n - off - 16));
            if (level == SOL_SOCKET && type == SCM_RIGHTS)
            {
                w.FixedName("SCM_RIGHTS"u8, SCM_RIGHTS).Field("cmsg_data"u8).BeginArray();
                for (int k = 0; k + 4 <= data.Length; k += 4) w.Element().Int(BitConverter.ToInt32(data[k..]));
                w.EndArray().EndStruct();
            }
            else if (level == SOL_SOCKET && type == SCM_CREDENTIALS && data.Length >= 12)
            {
                w.FixedName("SCM_CREDENTIALS"u8, SCM_CREDENTIALS).Field("cmsg_data"u8).BeginStruct().Field("pid"u8);
                c.PidNotes.Write(w, BitConverter.ToInt32(data));
                w.Field("uid"u8).UInt(BitConverter.ToUInt32(data[4..])).Field("gid"u8).UInt(BitConverter.ToUInt32(data[8..])).EndStruct().EndStruct();
            }
            else w.Hex((uint)type).EndStruct();
            // A tracee's cmsg_len can be anything: step in long arithmetic, so a huge one ends the walk.
            if (cmsgLen < 16 || cmsgLen > n - off) break;
            off += (int)((cmsgLen + 7) & ~7L);
        }
        w.EndArray();
    }
}
