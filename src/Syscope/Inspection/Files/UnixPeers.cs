using Syscope.Interop;

namespace Syscope.Inspection.Files;

/// <summary>Which UNIX socket is connected to which, asked of sock_diag once per run.  Without
/// unix_diag (an old or restricted kernel) peers are simply unknown.</summary>
internal static class UnixPeers
{
    private static Dictionary<ulong, ulong>? s_peers;

    public static ulong? PeerOf(ulong inode)
    {
        if (s_peers == null)
        {
            try { s_peers = SockDiag.UnixPeers(); }
            catch (SyscallException) { s_peers = new(); }
        }
        return s_peers.TryGetValue(inode, out ulong peer) && peer != 0 ? peer : null;
    }
}
