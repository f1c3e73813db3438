using Syscope.Inspection.Naming;
using Syscope.Tracing;

namespace Syscope.Inspection.Files;

/// <summary>How names are shown: -n/-P for numbers; Peers for lsof -E endpoints.</summary>
internal sealed record FilesNaming(bool NumericHosts = false, bool NumericPorts = false, bool Peers = false);

/// <summary>The listed processes (and -K tasks) with their selected files.</summary>
internal sealed record FilesResult(List<ProcessFiles> Processes);

internal static class FilesQuery
{
    /// <summary>One listing.  found gathers what the selectors found; -r keeps it across passes.</summary>
    public static FilesResult Run(LsofSelection selection, FilesNaming naming, LsofSelection.Found found)
    {
        var names = EndpointNames.FromSystem(naming.NumericHosts, naming.NumericPorts);
        var tablesFor = OpenFileReader.TablesPerNamespace();
        var reader = new OpenFileReader(names, tablesFor);
        var result = new List<ProcessFiles>();
        int self = Environment.ProcessId;
        foreach (int pid in selection.OnlyPids ?? ProcessTable.Pids())
        {
            // A machine-wide listing leaves the inspector out (it holds only what it inherited); a
            // PID the user names is listed, whoever it is.
            if ((pid == self && selection.OnlyPids == null) || selection.ExcludedPids.Contains(pid)) continue;
            if (Read(pid, selection, found, reader, names) is not { } files) continue;
            var tids = selection.Tasks ? Tasks(pid) : [];
            var rows = files.Files.Where(f => selection.Selects(files.Process, f, found, tids.Count > 0)).Select(selection.Shown).ToList();
            if (rows.Count > 0) result.Add(files with { Files = rows });
            foreach (int tid in tids)
            {
                ProcessFiles? task;
                try { task = reader.TryRead(files.Process, tid); }
                catch (UserError) { continue; }
                if (task == null) continue;
                var taskRows = task.Files.Where(f => selection.Selects(task.Process, f, found, true)).Select(selection.Shown).ToList();
                if (taskRows.Count == 0) continue;
                found.MarkTask();
                result.Add(task with { Files = taskRows, Tid = tid, TaskCommand = EndpointIndex.Comm(pid, tid) ?? "" });
            }
        }
        if (naming.Peers) AddPeers(result, tablesFor);
        return new FilesResult(result);
    }

    /// <summary>The threads of a process besides its main one (lsof -K's tasks); none when it is gone.</summary>
    private static List<int> Tasks(int pid)
    {
        try { return ProcessTable.Threads(pid).Where(t => t != pid).ToList(); }
        catch (UserError) { return []; }
    }

    /// <summary>-i and -U alone read only the sockets of each process, so a machine of idle
    /// processes costs one readlink per fd.  Processes that exit meanwhile or that we may not
    /// read are left out, as lsof leaves them out.</summary>
    private static ProcessFiles? Read(int pid, LsofSelection selection, LsofSelection.Found found, OpenFileReader reader, EndpointNames names)
    {
        try
        {
            if (selection.SocketsOnly)
            {
                var sockets = reader.ReadSockets(pid);
                if (sockets.Count == 0 || ProcessTable.TryRead(pid) is not { } owner || !selection.Admits(owner)) return null;
                return new ProcessFiles(owner, names.User(owner.Uid), sockets);
            }
            // A process a negation leaves out does not count as found; one that -a then lists
            // nothing of does, as in lsof.
            if (ProcessTable.TryRead(pid) is not { } p || !selection.Admits(p)) return null;
            found.MarkProcess(p);
            return reader.TryRead(p);
        }
        catch (UserError) { return null; }
    }

    private static void AddPeers(List<ProcessFiles> result, Func<int, SocketTables> tablesFor)
    {
        var index = EndpointIndex.Scan();
        // Named FIFOs are found by device and inode, one more pass over /proc per FIFO.
        var fifos = new Dictionary<(ulong, ulong), List<Endpoint>>();
        List<Endpoint> FifoHolders(OpenFile f) =>
            fifos.TryGetValue((f.DeviceNumber!.Value, f.Inode), out var h) ? h
                : fifos[(f.DeviceNumber!.Value, f.Inode)] = EndpointIndex.HoldersOfFile(f.Name, f.DeviceNumber!.Value, f.Inode);
        for (int i = 0; i < result.Count; i++)
        {
            var p = result[i];
            var tables = tablesFor(p.Process.Pid);
            var rows = p.Files.Select(f => f with { Peers = PeerText(f, p.Process.Pid, index, tables, FifoHolders) }).ToList();
            result[i] = p with { Files = rows };
        }
    }

    private static string? PeerText(OpenFile f, int pid, EndpointIndex index, SocketTables tables, Func<OpenFile, List<Endpoint>> fifoHolders)
    {
        IEnumerable<Endpoint> others;
        if (f.IsPipe) others = index.Holders(f.Inode).Where(e => !(e.Pid == pid && e.Fd == f.FdNumber));
        else if (f.Type == "FIFO" && f.FdNumber >= 0 && f.DeviceNumber != null) others = fifoHolders(f).Where(e => !(e.Pid == pid && e.Fd == f.FdNumber));
        else if (f.Inet != null && tables.LocalPeer(f.Inet) is { } peer) others = index.Holders(peer.Inode);
        else if (f.Unix != null && UnixPeers.PeerOf(f.Unix.Inode) is ulong peerInode)
            return $"->INO={peerInode}" + string.Concat(index.Holders(peerInode).Select(e => " " + e));
        else return null;
        var list = others.OrderBy(e => e.Pid).ThenBy(e => e.Fd).Select(e => e.ToString()).ToList();
        return list.Count == 0 ? null : string.Join(' ', list);
    }
}
