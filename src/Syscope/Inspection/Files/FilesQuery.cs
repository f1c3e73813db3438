using Syscope.Inspection.Naming;
using Syscope.Inspection.Procfs;

namespace Syscope.Inspection.Files;

/// <summary>What `files` was asked: a target (PID or pattern), or -i for network files, with an
/// optional ":PORT" filter; -n/-P for numbers; Peers for lsof +E endpoints.</summary>
public sealed record FilesRequest(
    string? Target, bool NetworkOnly = false, string? PortFilter = null,
    bool NumericHosts = false, bool NumericPorts = false, bool Peers = false);

public static class FilesQuery
{
    public static List<ProcessFiles> Run(FilesRequest request)
    {
        if (request.Target == null && !request.NetworkOnly)
            throw new UserError("files needs a PID or pattern, or -i for the network files of all processes");
        var names = EndpointNames.FromSystem(request.NumericHosts, request.NumericPorts);
        int? port = request.PortFilter is { } f ? ParsePort(f, names) : null;
        var reader = new OpenFileReader(names, OpenFileReader.TablesPerNamespace());

        IEnumerable<ProcessEntry> processes;
        if (request.Target != null) processes = ProcessFinder.ResolveMany(request.Target);
        else processes = AllProcesses();

        var result = new List<ProcessFiles>();
        foreach (var p in processes)
        {
            var files = reader.TryRead(p, socketsOnly: request.NetworkOnly);
            if (files == null)
            {
                if (request.Target != null && ProcessFinder.IsPid(request.Target, out _))
                    throw new UserError($"process {p.Pid} exited while its files were read");
                continue;
            }
            if (request.NetworkOnly)
            {
                var net = files.Files.Where(r => r.Inet != null && (port == null || r.Inet.LocalPort == port || r.Inet.RemotePort == port)).ToList();
                if (net.Count == 0) continue;
                files = files with { Files = net };
            }
            result.Add(files);
        }
        if (request.Peers) AddPeers(result, reader);
        return result;
    }

    private static IEnumerable<ProcessEntry> AllProcesses()
    {
        int self = Environment.ProcessId;
        foreach (int pid in ProcessTable.Pids())
            if (pid != self && ProcessTable.TryRead(pid) is { } p) yield return p;
    }

    /// <summary>":3306", "3306" or ":mysql".</summary>
    private static int ParsePort(string filter, EndpointNames names)
    {
        var s = filter.TrimStart(':');
        if (int.TryParse(s, out int port) && port is > 0 and < 65536) return port;
        for (int p = 1; p < 65536; p++)
            if (names.Service(p, InetProtocol.Tcp) == s || names.Service(p, InetProtocol.Udp) == s) return p;
        throw new UserError($"unknown port '{filter}': give a number or a name from /etc/services");
    }

    private static void AddPeers(List<ProcessFiles> result, OpenFileReader reader)
    {
        var index = EndpointIndex.Scan();
        for (int i = 0; i < result.Count; i++)
        {
            var p = result[i];
            var tables = OpenFileReader.TablesPerNamespace()(p.Process.Pid);
            var rows = p.Files.Select(f => f with { Peers = PeerText(f, p.Process.Pid, index, tables) }).ToList();
            result[i] = p with { Files = rows };
        }
    }

    private static string? PeerText(OpenFile f, int pid, EndpointIndex index, SocketTables tables)
    {
        IEnumerable<Endpoint> others;
        if (f.IsPipe) others = index.Holders(f.Inode).Where(e => !(e.Pid == pid && e.Fd == f.FdNumber));
        else if (f.Inet != null && tables.LocalPeer(f.Inet) is { } peer) others = index.Holders(peer.Inode);
        else if (f.Unix != null && UnixPeers.PeerOf(f.Unix.Inode) is ulong peerInode)
            return $"->INO={peerInode}" + string.Concat(index.Holders(peerInode).Select(e => " " + e));
        else return null;
        var list = others.OrderBy(e => e.Pid).ThenBy(e => e.Fd).Select(e => e.ToString()).ToList();
        return list.Count == 0 ? null : string.Join(' ', list);
    }
}
