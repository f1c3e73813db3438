using System.Runtime.InteropServices;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;

namespace Syscope.Events;

/// <summary>A range of tracee memory a capture plan names: Length bytes at Address, for argument
/// Arg.  A String region ends with the string's NUL (or at the plan's cap).</summary>
internal readonly record struct CapturedRegion(ulong Address, ulong Length, int Arg, bool String)
{
    public ulong End => Address + Length;
}

/// <summary>
/// The reference reading of a capture plan (Syscalls/CapturePlan, docs/DECODING.md): which ranges
/// of the tracee's memory a call's plan names at entry or at exit, found by reading the memory the
/// way a backend copying it would (the length of a string, the entries of an iovec array, the
/// fields of a msghdr).  The eBPF programs do the same walk in the kernel; this one runs over any
/// ITraceeMemory, for the test that holds the plans to what the decoders read and for a backend
/// that records calls.  Lengths are the plan's, uncapped except for strings and argv.
/// </summary>
internal static class CaptureRegions
{
    /// <summary>Pointers of an argv or envp followed, at most.</summary>
    public const int MaxArgv = 4096;

    /// <summary>Adds the regions call's plan names at entry, or at exit: ret is the return value
    /// at exit (lengths from a failed call's return name nothing).</summary>
    public static void Collect(SyscallInfo call, in SyscallArgs args, long ret, bool exiting, ITraceeMemory memory, List<CapturedRegion> into)
    {
        bool failed = ret < 0 && ret >= -4095;
        for (int i = 0; i < call.ArgCount && i < 6; i++)
        {
            var role = call.Args[i].Role;
            if (!(exiting ? role.AtExit : role.AtEntry)) continue;
            ulong addr = args[i];
            if (addr == 0) continue;
            switch (role.Kind)
            {
                case ArgKind.Path or ArgKind.String:
                    AddString(memory, addr, i, into);
                    break;
                case ArgKind.StringArray:
                    AddStringArray(memory, addr, i, into);
                    break;
                default:
                    if (!TryCount(role, args, ret, failed, memory, out ulong count)) break;
                    // The data iovecs point to: what the call reads, at entry; at exit what it wrote,
                    // as much as it returned when it only writes (a receive), else all of it.
                    long limit = !exiting ? (role.Flow.HasFlag(ArgFlow.In) ? long.MaxValue : 0)
                        : role.Flow == ArgFlow.Out ? ret : long.MaxValue;
                    AddMemory(role, addr, count, i, limit, memory, into);
                    break;
            }
        }
    }

    /// <summary>The count the role's length comes from; false when it cannot be known here.</summary>
    private static bool TryCount(ArgRole role, in SyscallArgs args, long ret, bool failed, ITraceeMemory memory, out ulong count)
    {
        count = 1;
        switch (role.From)
        {
            case SizeFrom.Arg: count = args[role.SizeArg]; return true;
            case SizeFrom.Return:
                count = (ulong)ret;
                return !failed && ret >= 0;
            case SizeFrom.ArgPointee:
                count = TryRead(memory, args[role.SizeArg], out uint n) ? n : 0;
                return count > 0;
            default: return true;
        }
    }

    /// <summary>Bytes for a role and its count, capped so that a bogus count names no absurd range.</summary>
    private static ulong Bytes(ArgRole role, ulong count)
    {
        const ulong Limit = 1UL << 30;
        if (role.Kind == ArgKind.Bitmap) return Math.Min((count + 63) / 64 * 8, Limit);
        if (role.From == SizeFrom.Fixed) return (ulong)role.Header + role.Unit;
        return Math.Min(role.Header + Math.Min(count, Limit) * role.Unit, Limit);
    }

    /// <summary>limit: the most data bytes of iovec buffers to name (0: the headers only).</summary>
    private static void AddMemory(ArgRole role, ulong addr, ulong count, int arg, long limit, ITraceeMemory memory, List<CapturedRegion> into)
    {
        switch (role.Kind)
        {
            case ArgKind.Iovec:
                AddIovecs(memory, addr, Math.Min(count, 1024), arg, limit, into);
                break;
            case ArgKind.Msghdr:
                AddMsghdr(memory, addr, arg, limit, into);
                break;
            case ArgKind.Mmsghdr:
                count = Math.Min(count, 1024);
                into.Add(new(addr, count * (ulong)Marshal.SizeOf<Mmsghdr>(), arg, false));
                for (ulong k = 0; k < count; k++)
                {
                    ulong m = addr + k * (ulong)Marshal.SizeOf<Mmsghdr>();
                    // A received message's data is as long as its msg_len says.
                    long own = limit is long.MaxValue or 0 ? limit : TryRead(memory, m + (ulong)Marshal.OffsetOf<Mmsghdr>(nameof(Mmsghdr.Len)), out uint len) ? len : 0;
                    AddMsghdr(memory, m, arg, own, into);
                }
                break;
            case ArgKind.SigsetPair:
                into.Add(new(addr, 16, arg, false));
                if (TryRead(memory, addr, out ulong set) && TryRead(memory, addr + 8, out ulong size) && set != 0)
                    into.Add(new(set, Math.Min(size, 128), arg, false));
                break;
            default:
                ulong bytes = Bytes(role, count);
                if (bytes > 0) into.Add(new(addr, bytes, arg, false));
                break;
        }
    }

    private static void AddMsghdr(ITraceeMemory memory, ulong addr, int arg, long limit, List<CapturedRegion> into)
    {
        into.Add(new(addr, (ulong)Marshal.SizeOf<Msghdr>(), arg, false));
        if (!TryRead(memory, addr, out Msghdr m)) return;
        if (m.Iov != 0) AddIovecs(memory, m.Iov, Math.Min(m.IovLen, 1024), arg, limit, into);
        // The name and control data travel with the data: not before a receive.
        if (limit == 0) return;
        if (m.Name != 0 && m.NameLen > 0) into.Add(new(m.Name, m.NameLen, arg, false));
        if (m.Control != 0 && m.ControlLen > 0) into.Add(new(m.Control, Math.Min(m.ControlLen, 1UL << 20), arg, false));
    }

    private static void AddIovecs(ITraceeMemory memory, ulong addr, ulong count, int arg, long limit, List<CapturedRegion> into)
    {
        into.Add(new(addr, count * (ulong)Marshal.SizeOf<Iovec>(), arg, false));
        for (ulong k = 0; k < count && limit > 0; k++)
        {
            if (!TryRead(memory, addr + k * (ulong)Marshal.SizeOf<Iovec>(), out Iovec v)) return;
            ulong len = Math.Min(Math.Min(v.Len, (ulong)limit), 1UL << 30);
            if (v.Base != 0 && len > 0) into.Add(new(v.Base, len, arg, false));
            if (limit != long.MaxValue) limit -= (long)len;
        }
    }

    private static void AddString(ITraceeMemory memory, ulong addr, int arg, List<CapturedRegion> into)
    {
        Span<byte> page = stackalloc byte[256];
        ulong length = 0;
        while (length < CapturePlan.StringCap)
        {
            int want = (int)Math.Min((ulong)page.Length, CapturePlan.StringCap - length);
            int n = memory.Read(addr + length, page[..want]);
            if (n <= 0) break;
            int nul = page[..n].IndexOf((byte)0);
            if (nul >= 0) { length += (ulong)nul + 1; break; }
            length += (ulong)n;
        }
        if (length > 0) into.Add(new(addr, length, arg, true));
    }

    private static void AddStringArray(ITraceeMemory memory, ulong addr, int arg, List<CapturedRegion> into)
    {
        int count = 0;
        while (count < MaxArgv && TryRead(memory, addr + (ulong)count * 8, out ulong p))
        {
            count++;
            if (p == 0) break;
            AddString(memory, p, arg, into);
        }
        if (count > 0) into.Add(new(addr, (ulong)count * 8, arg, false));
    }

    private static bool TryRead<T>(ITraceeMemory memory, ulong addr, out T value) where T : unmanaged
    {
        value = default;
        var bytes = MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref value, 1));
        return addr != 0 && memory.Read(addr, bytes) == bytes.Length;
    }
}
