using System.Text;
using Syscope.Decoding;
using Syscope.Events;
using Syscope.Syscalls;

namespace Syscope.Filtering;

/// <summary>
/// -P PATH and -e trace-fds=SET: does a call touch one of the chosen paths or descriptors?  Path
/// arguments are read from the tracee and compared as written; descriptor arguments are matched by
/// number and, for -P, by the file they are open on (/proc/PID/fd), as strace does.
/// </summary>
public sealed class CallSelector(TraceFilter filter)
{
    private readonly byte[][] _paths = filter.Paths.Select(p => Encoding.UTF8.GetBytes(p)).ToArray();
    private readonly byte[] _buffer = new byte[4097];

    public bool Active => _paths.Length > 0 || filter.TraceFds != null;

    public bool Selects(SyscallInfo call, ref SyscallArgs args, int pid, ITraceeMemory memory)
    {
        for (int i = 0; i < call.Args.Length; i++)
        {
            var arg = call.Args[i];
            var kind = ArgKinds.Of(arg.CType, arg.Name);
            if (kind == ArgKind.Path && _paths.Length > 0 && PathMatches(args[i], memory)) return true;
            if (IsFd(arg) && FdMatches((int)args[i], pid)) return true;
        }
        return false;
    }

    private static bool IsFd(SyscallArg arg) =>
        (arg.Name is "fd" or "dfd" or "oldfd" or "newfd" or "fd_in" or "fd_out" or "olddfd" or "newdfd" or "epfd")
        && !arg.CType.EndsWith('*');

    private bool PathMatches(ulong addr, ITraceeMemory memory)
    {
        if (addr == 0) return false;
        // Page by page: a short path may end just before an unmapped page.
        int n = 0, len = -1;
        while (len < 0 && n < _buffer.Length)
        {
            int chunk = (int)Math.Min((ulong)(_buffer.Length - n), 4096 - ((addr + (ulong)n) & 4095));
            int got = memory.Read(addr + (ulong)n, _buffer.AsSpan(n, chunk));
            if (got <= 0) return false;
            len = Array.IndexOf(_buffer, (byte)0, n, got);
            n += got;
        }
        if (len < 0) return false;
        var text = _buffer.AsSpan(0, len);
        foreach (var p in _paths) if (text.SequenceEqual(p)) return true;
        return false;
    }

    private bool FdMatches(int fd, int pid)
    {
        if (filter.TraceFds != null && filter.TraceFds.Contains(fd)) return true;
        if (_paths.Length == 0 || fd < 0) return false;
        string? target;
        try { target = new FileInfo($"/proc/{pid}/fd/{fd}").LinkTarget; }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
        return target != null && filter.Paths.Contains(target);
    }
}
