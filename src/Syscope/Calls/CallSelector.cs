using System.Text;
using Syscope.Decoding;
using Syscope.Events;
using Syscope.Filtering;
using Syscope.Syscalls;

namespace Syscope.Calls;

/// <summary>
/// -P PATH and -e trace-fds=SET: does a call touch one of the chosen paths or descriptors?  Its
/// row's roles say which arguments are paths and descriptors.  Paths are read from the tracee and
/// compared as written; descriptors are matched by number and, for -P, by the file they are open
/// on (the backend's descriptor facts), as strace does.
/// </summary>
internal sealed class CallSelector(TraceFilter filter, IFdPaths fdPaths)
{
    private readonly byte[][] _paths = filter.Paths.Select(p => Encoding.UTF8.GetBytes(p)).ToArray();
    private readonly byte[] _buffer = new byte[4097];

    public bool Active => _paths.Length > 0 || filter.TraceFds != null;

    public bool Selects(SyscallInfo call, ref SyscallArgs args, int pid, ITraceeMemory memory)
    {
        var roles = call.Args;
        for (int i = 0; i < roles.Length; i++)
        {
            var role = roles[i].Role;
            if (role.Kind == ArgKind.Path && _paths.Length > 0 && PathMatches(args[i], memory)) return true;
            if (role.IsDescriptor && FdMatches((int)args[i], pid)) return true;
        }
        return false;
    }

    private bool PathMatches(ulong addr, ITraceeMemory memory)
    {
        if (addr == 0) return false;
        int len = Printers.ReadCString(memory, addr, _buffer, out bool terminated);
        if (len < 0 || !terminated) return false;
        var text = _buffer.AsSpan(0, len);
        foreach (var p in _paths) if (text.SequenceEqual(p)) return true;
        return false;
    }

    private bool FdMatches(int fd, int pid)
    {
        if (filter.TraceFds != null && filter.TraceFds.Contains(fd)) return true;
        if (_paths.Length == 0 || fd < 0) return false;
        int len = fdPaths.PathOf(pid, fd, _buffer);
        if (len <= 0) return false;
        var target = _buffer.AsSpan(0, len);
        foreach (var p in _paths) if (target.SequenceEqual(p)) return true;
        return false;
    }
}
