using Syscope.Interop;

namespace Syscope.Inspection.Files;

/// <summary>Which UNIX socket is connected to which, asked of sock_diag: once, then again when a
/// socket is not in the answer (it is newer: a later `files -r` pass, `why --watch`, or another
/// command in the same process), at most once per 50 ms so that a socket sock_diag never lists (another
/// network namespace) does not cost a dump per lookup. A socket older than 50 ms is always found.  Without unix_diag (an old or restricted
/// kernel) peers are simply unknown.</summary>
internal static class UnixPeers
{
    private static Dictionary<ulong, ulong>? s_peers;
    private static long s_readAt;

    public static ulong? PeerOf(ulong inode)
    {
        if (s_peers == null || (!s_peers.ContainsKey(inode) && Environment.TickCount64 - s_readAt >= 50))
        {
            try { s_peers = SockDiag.UnixPeers(); }
            catch (SyscallException) { s_peers = new(); }
            s_readAt = Environment.TickCount64;
        }
        return s_peers.TryGetValue(inode, out ulong peer) && peer != 0 ? peer : null;
    }
}
