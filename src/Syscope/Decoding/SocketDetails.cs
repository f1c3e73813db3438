using System.Buffers.Binary;
using Syscope.Decoding.Constants;
using Syscope.Events;

namespace Syscope.Decoding;

/// <summary>
/// -yy's socket text, in strace 6.1's forms: "TCP:[SRC:PORT->DST:PORT]" ("[ADDR]" around IPv6
/// addresses, no "->" part until there is a peer), "UNIX-STREAM:[INODE->PEER,"NAME"]" (an abstract
/// name as @"NAME"), "NETLINK:[ROUTE:PORTID]", and "PROTO:[INODE]" when the kernel does not list
/// the socket (an unbound inet or netlink socket, a UNIX socket with neither peer nor name).
/// </summary>
internal static class SocketDetails
{
    private const int AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10, AF_NETLINK = 16;

    /// <summary>Writes the details of the socket behind fd; false when strace would fall back to
    /// its /proc target (a protocol it does not know and sock_diag did not find).</summary>
    public static bool Print(ref DecodeContext c, int fd, ulong inode, ArgWriter w)
    {
        var cache = c.SocketCache;
        if (cache != null && cache.TryGet(inode, out var cached)) { w.Raw(cached); return true; }
        Span<byte> name = stackalloc byte[64];
        int len = c.FdPaths!.SocketProtocolOf(c.Pid, fd, name);
        int row = len > 0 ? SocketProtocols.IndexOf(name[..len]) : -1;
        int start = w.Length;
        if (row >= 0)
        {
            var p = SocketProtocols.All[row];
            if (TryWrite(ref c, p, inode, w)) cache?.Put(inode, w.Slice(start));
            else w.Raw(p.NameBytes).Raw(":["u8).UInt(inode).Raw((byte)']');
            return true;
        }
        // Like strace, a protocol known by another name is still looked for in every table.
        foreach (var p in SocketProtocols.All)
            if (TryWrite(ref c, p, inode, w))
            {
                cache?.Put(inode, w.Slice(start));
                return true;
            }
        return false;
    }

    private static bool TryWrite(ref DecodeContext c, in SocketProtocol p, ulong inode, ArgWriter w)
    {
        Span<byte> unixName = stackalloc byte[108];
        if (!c.FdPaths!.TryFindSocket(p.Family, p.Protocol, inode, out var f, unixName)) return false;
        switch (p.Family)
        {
            case AF_UNIX:
                if (f.Family != AF_UNIX || (f.UnixPeer == 0 && f.NameLength == 0)) return false;
                w.Raw(p.NameBytes).Raw(":["u8).UInt(inode);
                if (f.UnixPeer != 0) w.Raw("->"u8).UInt(f.UnixPeer);
                if (f.NameLength > 0) UnixName(w, unixName[..f.NameLength], c.Options.HexStrings);
                w.Raw((byte)']');
                return true;
            case AF_NETLINK:
                if (f.Family != AF_NETLINK) return false;
                w.Raw(p.NameBytes).Raw(":["u8);
                if (NetConstants.NetlinkProtocols.TryName((ulong)f.NetlinkProtocol, out var proto))
                    w.Raw(proto["NETLINK_".Length..]).Raw((byte)':').UInt(f.PortId);
                else w.UInt((uint)f.NetlinkProtocol);
                w.Raw((byte)']');
                return true;
            default:
                if (f.Family is not (AF_INET or AF_INET6)) return false;
                w.Raw(p.NameBytes).Raw(":["u8);
                Endpoint(w, f.Family, f.Source, f.SourcePort);
                int size = f.Family == AF_INET ? 4 : 16;
                if (f.DestinationPort != 0 || ((ReadOnlySpan<byte>)f.Destination)[..size].ContainsAnyExcept((byte)0))
                {
                    w.Raw("->"u8);
                    Endpoint(w, f.Family, f.Destination, f.DestinationPort);
                }
                w.Raw((byte)']');
                return true;
        }
    }

    private static void Endpoint(ArgWriter w, int family, ReadOnlySpan<byte> address, ushort port)
    {
        if (family == AF_INET) SockaddrPrinter.Ipv4(w, address[..4]);
        else
        {
            w.Raw((byte)'[');
            SockaddrPrinter.Ipv6(w, address);
            w.Raw((byte)']');
        }
        w.Raw((byte)':').UInt(port);
    }

    /// <summary>",\"/path\"" or ",@\"abstract\"", each read as a C string.</summary>
    private static void UnixName(ArgWriter w, ReadOnlySpan<byte> name, int hexMode)
    {
        w.Raw((byte)',');
        if (name[0] == 0)
        {
            w.Raw((byte)'@');
            name = name[1..];
        }
        int nul = name.IndexOf((byte)0);
        w.Quoted(nul >= 0 ? name[..nul] : name, hexMode, false);
    }
}

/// <summary>
/// strace keeps the first details it resolves for a socket inode and prints them from then on,
/// so a socket bound and then connected still shows its bound form ("UDP:[127.0.0.1:5000]").
/// The same 1024 slots by inode, filled once, hold the text without allocating per line.
/// </summary>
internal sealed class SocketDetailsCache
{
    private const int Slots = 1024, SlotSize = 640;
    private readonly ulong[] _inodes = new ulong[Slots];
    private readonly ushort[] _lengths = new ushort[Slots];
    private byte[]? _text;

    public bool TryGet(ulong inode, out ReadOnlySpan<byte> details)
    {
        int slot = (int)(inode & (Slots - 1));
        details = _text != null && _inodes[slot] == inode ? _text.AsSpan(slot * SlotSize, _lengths[slot]) : default;
        return _text != null && _inodes[slot] == inode;
    }

    public void Put(ulong inode, ReadOnlySpan<byte> details)
    {
        int slot = (int)(inode & (Slots - 1));
        if (details.Length > SlotSize) { _inodes[slot] = 0; return; }
        _text ??= new byte[Slots * SlotSize];
        details.CopyTo(_text.AsSpan(slot * SlotSize));
        _lengths[slot] = (ushort)details.Length;
        _inodes[slot] = inode;
    }
}
