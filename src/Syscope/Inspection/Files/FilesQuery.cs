using Syscope.Inspection.Naming;
using Syscope.Tracing;

namespace Syscope.Inspection.Files;

/// <summary>How names are shown: -n/-P for numbers; Peers for lsof -E endpoints, PeerFiles for +E
/// (the endpoints' own files listed too).</summary>
internal sealed record FilesNaming(bool NumericHosts = false, bool NumericPorts = false, bool Peers = false, bool PeerFiles = false);

/// <summary>The listed processes (and -K tasks) with their selected files.</summary>
internal sealed record FilesResult(List<ProcessFiles> Processes);

internal static class FilesQuery
{
    /// <summary>One listing.  found gathers what the selectors found; -r keeps it across passes.</summary>
    public static FilesResult Run(LsofSelection selection, FilesNaming naming, LsofSelection.Found found, FilesReading? reading = null)
    {
        var names = EndpointNames.FromSystem(naming.NumericHosts, naming.NumericPorts);
        var tablesFor = OpenFileReader.TablesPerNamespace();
        var reader = new OpenFileReader(names, tablesFor, reading);
        var result = new List<ProcessFiles>();
        int self = Environment.ProcessId;
        // lsof lists processes by PID, whatever the order of -p.
        foreach (int pid in selection.OnlyPids?.Order() ?? ProcessTable.Pids().AsEnumerable())
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
        if (naming.Peers) AddPeers(result, tablesFor, naming.PeerFiles ? reader : null, selection);
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

    /// <summary>-E: each pipe's and socket's other ends in its NAME.  +E (peerReader given): the
    /// files of those ends are listed too, whatever the selection, each in its process's place.</summary>
    private static void AddPeers(List<ProcessFiles> result, Func<int, SocketTables> tablesFor, OpenFileReader? peerReader, LsofSelection selection)
    {
        var index = EndpointIndex.Scan();
        // Named FIFOs are found by device and inode, one more pass over /proc per FIFO.
        var fifos = new Dictionary<(ulong, ulong), List<Endpoint>>();
        List<Endpoint> FifoHolders(OpenFile f) =>
            fifos.TryGetValue((f.DeviceNumber!.Value, f.Inode), out var h) ? h
                : fifos[(f.DeviceNumber!.Value, f.Inode)] = EndpointIndex.HoldersOfFile(f.Name, f.DeviceNumber!.Value, f.Inode);
        var ends = new HashSet<(int Pid, int Fd)>();
        OpenFile WithPeers(OpenFile f, int pid)
        {
            var others = Ends(f, pid, index, tablesFor(pid), FifoHolders, out string? prefix);
            foreach (var e in others) ends.Add((e.Pid, e.Fd));
            string text = string.Join(' ', others.Select(e => e.ToString()));
            return f with { Peers = prefix == null && text.Length == 0 ? null : prefix == null ? text : text.Length == 0 ? prefix : prefix + " " + text };
        }
        for (int i = 0; i < result.Count; i++)
        {
            var p = result[i];
            result[i] = p with { Files = p.Files.Select(f => WithPeers(f, p.Process.Pid)).ToList() };
        }
        if (peerReader == null) return;
        foreach (var byPid in ends.GroupBy(e => e.Pid))
        {
            int at = result.FindIndex(p => p.Process.Pid == byPid.Key && p.Tid == 0);
            var listed = at >= 0 ? result[at].Files.Where(f => f.FdNumber >= 0).Select(f => f.FdNumber).ToHashSet() : [];
            var wanted = byPid.Select(e => e.Fd).Where(fd => !listed.Contains(fd)).ToHashSet();
            if (wanted.Count == 0 || ProcessTable.TryRead(byPid.Key) is not { } owner) continue;
            ProcessFiles? files;
            try { files = peerReader.TryRead(owner); }
            catch (UserError) { continue; }
            if (files == null) continue;
            var added = files.Files.Where(f => wanted.Contains(f.FdNumber)).Select(f => WithPeers(selection.Shown(f), owner.Pid)).ToList();
            if (added.Count == 0) continue;
            if (at < 0)
            {
                int before = result.FindIndex(p => p.Process.Pid > owner.Pid);
                result.Insert(before < 0 ? result.Count : before, files with { Files = added });
                continue;
            }
            // Descriptor rows come last, by number: each end goes before the first listed one above it.
            var rows = result[at].Files.ToList();
            foreach (var f in added)
            {
                int next = rows.FindIndex(r => r.FdNumber > f.FdNumber);
                rows.Insert(next < 0 ? rows.Count : next, f);
            }
            result[at] = result[at] with { Files = rows };
        }
    }

    /// <summary>The other ends of a pipe, FIFO, local TCP connection, UNIX socket, pseudo-terminal,
    /// eventfd or message queue, by PID and FD; a UNIX socket's peer inode goes first in the text
    /// ("->INO=N"), as a pty master's slave does.</summary>
    private static List<Endpoint> Ends(OpenFile f, int pid, EndpointIndex index, SocketTables tables, Func<OpenFile, List<Endpoint>> fifoHolders, out string? prefix)
    {
        prefix = null;
        IEnumerable<Endpoint> others;
        if (f.IsPipe) others = index.Holders(f.Inode).Where(e => !(e.Pid == pid && e.Fd == f.FdNumber));
        else if (f.Type == "FIFO" && f.FdNumber >= 0 && f.DeviceNumber != null) others = fifoHolders(f).Where(e => !(e.Pid == pid && e.Fd == f.FdNumber));
        else if (f.Inet != null && tables.LocalPeer(f.Inet) is { } peer) others = index.Holders(peer.Inode);
        else if (f.Unix != null && UnixPeers.PeerOf(f.Unix.Inode) is ulong peerInode)
        {
            prefix = $"->INO={peerInode}";
            return index.Holders(peerInode).ToList();
        }
        // A pseudo-terminal's other ends are the other side's holders, the process's own included;
        // the master names its slave first ("->/dev/pts/3").
        else if (f.Shared is (EndpointKind.PtyMaster, var slave))
        {
            prefix = $"->/dev/pts/{slave}";
            others = index.Holders(EndpointKind.PtySlave, slave);
        }
        else if (f.Shared is (EndpointKind.PtySlave, var master)) others = index.Holders(EndpointKind.PtyMaster, master);
        else if (f.Shared is var (kind, id) && f.FdNumber >= 0) others = index.Holders(kind, id).Where(e => !(e.Pid == pid && e.Fd == f.FdNumber));
        else return [];
        return others.OrderBy(e => e.Pid).ThenBy(e => e.Fd).ToList();
    }
}
