using Syscope.Inspection.Naming;
using Syscope.Inspection.Procfs;
using Syscope.Tracing;

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
        var tablesFor = OpenFileReader.TablesPerNamespace();
        var reader = new OpenFileReader(names, tablesFor);

        var result = request.NetworkOnly ? NetworkFiles(request, reader, port, names) : TargetFiles(request.Target!, reader);
        if (request.Peers) AddPeers(result, tablesFor);
        return result;
    }

    private static List<ProcessFiles> TargetFiles(string target, OpenFileReader reader)
    {
        var result = new List<ProcessFiles>();
        foreach (var p in ProcessFinder.ResolveMany(target))
        {
            var files = reader.TryRead(p);
            if (files != null) result.Add(files);
            else if (ProcessFinder.IsPid(target, out _)) throw new UserError($"process {p.Pid} exited while its files were read");
        }
        return result;
    }

    /// <summary>-i: sockets are found first, and only processes that hold one are read further,
    /// so a machine of idle processes costs one readlink per fd.  Processes we may not read are
    /// left out, as lsof leaves them out.</summary>
    private static List<ProcessFiles> NetworkFiles(FilesRequest request, OpenFileReader reader, int? port, EndpointNames names)
    {
        IEnumerable<int> pids = request.Target != null
            ? ProcessFinder.ResolveMany(request.Target).Select(p => p.Pid)
            : ProcessTable.Pids().Where(pid => pid != Environment.ProcessId);
        var result = new List<ProcessFiles>();
        foreach (int pid in pids)
        {
            try
            {
                var rows = reader.ReadInetSockets(pid)
                    .Where(r => port == null || r.Inet!.LocalPort == port || r.Inet!.RemotePort == port).ToList();
                if (rows.Count > 0 && ProcessTable.TryRead(pid) is { } p)
                    result.Add(new ProcessFiles(p, names.User(p.Uid), rows));
            }
            catch (UserError) { }
        }
        return result;
    }

    /// <summary>":3306", "3306" or ":mysql".</summary>
    private static int ParsePort(string filter, EndpointNames names)
    {
        var s = filter.TrimStart(':');
        if (int.TryParse(s, out int port) && port is > 0 and < 65536) return port;
        for (int p = 1; p < 65536; p++)
            if (names.Service(p, InetProtocol.Tcp) == s || names.Service(p, InetProtocol.Udp) == s) return p;
        throw new UserError($"unknown port {Text.UntrustedText.Quote(filter)}: give a number or a name from /etc/services");
    }

    private static void AddPeers(List<ProcessFiles> result, Func<int, SocketTables> tablesFor)
    {
        var index = EndpointIndex.Scan();
        for (int i = 0; i < result.Count; i++)
        {
            var p = result[i];
            var tables = tablesFor(p.Process.Pid);
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
