using System.Buffers.Text;
using Syscope.Events;
using Syscope.Interop;

namespace Syscope.Tracing;

/// <summary>
/// The live answer behind --decode-pids=pidns (and -Y's names in a tracee's own namespace): an id a tracee
/// saw in its own pid namespace as syscope's namespace numbers it.  A tracee in syscope's
/// namespace needs nothing; one in a namespace below (unshare --pid, a container) is translated
/// through the NSpid, NSpgid and NSsid lines of /proc/PID/status, which list a task's ids from
/// /proc's namespace down to its own.  /proc may belong to a namespace above syscope's (unshare
/// --pid --fork syscope, without --mount-proc): then syscope's ids are found at its own depth of
/// those lines, and a tracee's /proc entry by its id there.  Found translations are kept and
/// checked again on use, since ids are reused; a miss reads every task in /proc, as strace does.
/// </summary>
internal sealed class PidNamespaces
{
    private readonly Dictionary<(ulong Ns, int Id, PidKind Kind), int> _found = [];
    private readonly Dictionary<int, int> _procIds = [];
    private ulong _ours;
    /// <summary>syscope's level in the NSpid lines of /proc (0: /proc is of syscope's namespace).</summary>
    private int _ourDepth = -1;

    public int Translate(int tid, int id, PidKind kind)
    {
        if (id <= 0 || !KnowOurs()) return 0;
        int procTid = ProcId(tid);
        ulong theirs = NamespaceOf(procTid);
        if (theirs == 0) return 0;
        if (theirs == _ours) return id;
        // How deep the tracee's namespace lies below /proc's: its own NSpid has one id per level.
        int depth = IdCount(procTid, 0, PidKind.Process) - 1;
        if (depth <= _ourDepth) return 0;
        if (_found.TryGetValue((theirs, id, kind), out int known) && IdAt(ProcId(known), 0, kind, depth) == id) return known;
        foreach (var task in Tasks())
        {
            if (IdAt(task.Pid, task.Tid, kind, depth) != id || NamespaceAt(task.Tid, depth) != theirs) continue;
            int ours = IdAt(task.Pid, task.Tid, kind, _ourDepth);
            _found[(theirs, id, kind)] = ours;
            return ours;
        }
        return 0;
    }

    /// <summary>The id /proc knows a task of syscope's namespace by, for reading its /proc entry
    /// (the id itself when /proc is of syscope's namespace or the task cannot be found there).</summary>
    public int ProcIdOf(int id)
    {
        if (!KnowOurs()) return id;
        int proc = ProcId(id);
        return proc > 0 ? proc : id;
    }

    /// <summary>syscope's own namespace and depth, read once.</summary>
    private bool KnowOurs()
    {
        if (_ourDepth >= 0) return _ours != 0;
        int self = OwnProcess.ProcPid;
        _ours = OwnProcess.PidNamespace;
        _ourDepth = Math.Max(0, IdCount(self, 0, PidKind.Process) - 1);
        return _ours != 0;
    }

    /// <summary>The id /proc knows a task of syscope's namespace by (the same, unless /proc is of a
    /// namespace above).</summary>
    private int ProcId(int id)
    {
        if (_ourDepth == 0 || id <= 0) return id;
        if (_procIds.TryGetValue(id, out int known) && IdAt(known, 0, PidKind.Process, _ourDepth) == id) return known;
        foreach (var task in Tasks())
        {
            // The same id at our depth may be another namespace's, beside ours.
            if (IdAt(task.Pid, task.Tid, PidKind.Process, _ourDepth) != id || !InOurNamespace(task.Pid)) continue;
            _procIds[id] = task.Tid;
            return task.Tid;
        }
        return 0;
    }

    /// <summary>Whether a process lives in syscope's namespace or below it: the first of its
    /// ancestors at syscope's depth is in syscope's namespace (orphans go to a reaper of their own
    /// namespace, so the chain never leaves it).</summary>
    private bool InOurNamespace(int procPid)
    {
        Span<byte> status = stackalloc byte[4096];
        for (int hops = 0; hops < 64 && procPid > 0; hops++)
        {
            int depth = IdCount(procPid, 0, PidKind.Process) - 1;
            if (depth < _ourDepth) return false;
            if (depth == _ourDepth) return NamespaceOf(procPid) == _ours;
            int parent = 0;
            foreach (int id in Ids(procPid, 0, "\nPPid:"u8, status)) { parent = id; break; }
            procPid = parent;
        }
        return false;
    }

    /// <summary>A task's pid namespace at the tracee's depth: its own, when it lives exactly there
    /// (a task deeper down is in a child of the tracee's namespace, which counts as seen from it).</summary>
    private static ulong NamespaceAt(int tid, int depth) =>
        IdCount(tid, 0, PidKind.Process) - 1 == depth ? NamespaceOf(tid) : ulong.MaxValue;

    private static IEnumerable<(int Pid, int Tid)> Tasks()
    {
        foreach (string dir in SafeDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid)) continue;
            foreach (string task in SafeDirectories(dir + "/task"))
                if (int.TryParse(Path.GetFileName(task), out int tid)) yield return (pid, tid);
        }
    }

    private static string[] SafeDirectories(string path)
    {
        try { return Directory.GetDirectories(path); }
        catch (IOException) { return []; }
        catch (UnauthorizedAccessException) { return []; }
    }

    /// <summary>The inode of /proc/TID/ns/pid (0 when the task is gone).</summary>
    private static ulong NamespaceOf(int tid)
    {
        Span<byte> path = stackalloc byte[40];
        if (!ProcPath(tid, 0, "/ns/pid"u8, path)) return 0;
        return FileStatus.Stat(path, out var st) == 0 ? st.Inode : 0;
    }

    private static int IdCount(int pid, int tid, PidKind kind)
    {
        int count = 0;
        Span<byte> status = stackalloc byte[4096];
        foreach (int _ in Ids(pid, tid, kind, status)) count++;
        return count;
    }

    /// <summary>The id at a depth of a task's NSpid / NSpgid / NSsid line (0 when it has none there).</summary>
    private static int IdAt(int pid, int tid, PidKind kind, int depth)
    {
        Span<byte> status = stackalloc byte[4096];
        int i = 0;
        foreach (int id in Ids(pid, tid, kind, status))
            if (i++ == depth) return id;
        return 0;
    }

    private static IdList Ids(int pid, int tid, PidKind kind, Span<byte> status) =>
        Ids(pid, tid, kind switch { PidKind.Group => "\nNSpgid:"u8, PidKind.Session => "\nNSsid:"u8, _ => "\nNSpid:"u8 }, status);

    /// <summary>The numbers of one line of /proc/PID[/task/TID]/status.</summary>
    private static IdList Ids(int pid, int tid, ReadOnlySpan<byte> label, Span<byte> status)
    {
        Span<byte> path = stackalloc byte[64];
        if (!ProcPath(pid, tid, "/status"u8, path)) return default;
        int n = RawFile.ReadOnce(path, status);
        if (n <= 0) return default;
        var text = status[..n];
        int at = text.IndexOf(label);
        if (at < 0) return default;
        var line = text[(at + label.Length)..];
        int end = line.IndexOf((byte)'\n');
        return new IdList(end < 0 ? line : line[..end]);
    }

    /// <summary>The numbers of one status line, separated by tabs.</summary>
    private readonly ref struct IdList(ReadOnlySpan<byte> line)
    {
        private readonly ReadOnlySpan<byte> _line = line;
        public Enumerator GetEnumerator() => new(_line);

        public ref struct Enumerator(ReadOnlySpan<byte> line)
        {
            private ReadOnlySpan<byte> _rest = line;
            public int Current { get; private set; }

            public bool MoveNext()
            {
                _rest = _rest.TrimStart("\t "u8);
                if (_rest.IsEmpty || !Utf8Parser.TryParse(_rest, out int value, out int used)) return false;
                Current = value;
                _rest = _rest[used..];
                return true;
            }
        }
    }

    /// <summary>"/proc/PID" (then "/task/TID" when tid is given) + tail, NUL-terminated.</summary>
    private static bool ProcPath(int pid, int tid, ReadOnlySpan<byte> tail, Span<byte> path)
    {
        if (pid <= 0) return false;
        "/proc/"u8.CopyTo(path);
        int len = 6;
        Utf8Formatter.TryFormat(pid, path[len..], out int n);
        len += n;
        if (tid > 0)
        {
            "/task/"u8.CopyTo(path[len..]);
            len += 6;
            Utf8Formatter.TryFormat(tid, path[len..], out n);
            len += n;
        }
        tail.CopyTo(path[len..]);
        len += tail.Length;
        path[len] = 0;
        return true;
    }
}
