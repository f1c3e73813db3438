using System.Runtime.InteropServices;
using System.Text;
using Syscope.Decoding;
using Syscope.Events;
using Syscope.Filtering;
using Syscope.Kernel.Abi;
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
            // Descriptors inside memory, as strace looks for them: select's fd_sets of nfds bits
            // and poll's array of struct pollfd (their C types say which bitmaps and structs these are).
            if (role.Kind == ArgKind.Bitmap && roles[i].CType == "fd_set *" && FdSetMatches(args[i], (int)args[role.SizeArg], pid, memory)) return true;
            if (role.Kind == ArgKind.Struct && roles[i].CType == "struct pollfd *" && PollfdsMatch(args[i], (uint)args[role.SizeArg], pid, memory)) return true;
        }
        return false;
    }

    /// <summary>The most descriptors of an fd_set looked at, as in the decoder.</summary>
    private const int MaxSetFds = 1 << 16;

    private bool FdSetMatches(ulong addr, int nfds, int pid, ITraceeMemory memory)
    {
        if (addr == 0) return false;
        Span<byte> word = stackalloc byte[8];
        // A set that cannot be read whole is not looked into, as strace does.
        for (int fd = 0; fd < Math.Min(nfds, MaxSetFds); fd += 64)
            if (memory.Read(addr + (ulong)(fd / 8), word) < 8) return false;
        for (int fd = 0; fd < Math.Min(nfds, MaxSetFds); fd += 64)
        {
            memory.Read(addr + (ulong)(fd / 8), word);
            ulong bits = BitConverter.ToUInt64(word);
            for (int b = 0; b < 64 && fd + b < nfds; b++)
                if ((bits & (1UL << b)) != 0 && FdMatches(fd + b, pid)) return true;
        }
        return false;
    }

    private bool PollfdsMatch(ulong addr, uint count, int pid, ITraceeMemory memory)
    {
        if (addr == 0) return false;
        Pollfd entry = default;
        var bytes = MemoryMarshal.AsBytes(new Span<Pollfd>(ref entry));
        for (uint i = 0; i < Math.Min(count, (uint)MaxSetFds); i++)
        {
            if (memory.Read(addr + i * (ulong)bytes.Length, bytes) < bytes.Length) return false;
            if (FdMatches(entry.Fd, pid)) return true;
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
