using System.Runtime.InteropServices;
using System.Text;
using Syscope.Events;

namespace Syscope.Tests.Decoding;

/// <summary>Tracee memory made of a few mapped regions, with helpers that place strings, structs
/// and arrays at fresh addresses; everything else is unreadable, as an unmapped page would be.</summary>
public sealed class FakeMemory : ITraceeMemory
{
    private readonly SnapshotMemory _regions = new();
    private ulong _next = 0x7ffd_0000_1000;

    public int Read(ulong address, Span<byte> destination) => _regions.Read(address, destination);

    public ulong Add(ulong address, byte[] data) => _regions.Add(address, data);

    /// <summary>Places bytes at a fresh address, one page apart from anything else.</summary>
    public ulong Put(byte[] data)
    {
        ulong a = _next;
        _next += ((ulong)data.Length + 0x1fff) & ~0xfffUL;
        return Add(a, data);
    }

    public ulong Str(string s) => Put(Encoding.UTF8.GetBytes(s + "\0"));

    public ulong Struct<T>(T value) where T : unmanaged => Put(MemoryMarshal.AsBytes([value]).ToArray());

    public ulong Longs(params long[] values) => Put(MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    public ulong Ints(params int[] values) => Put(MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    /// <summary>A NULL-terminated array of string pointers (argv).</summary>
    public ulong Argv(params string[] items)
    {
        var ptrs = new long[items.Length + 1];
        for (int i = 0; i < items.Length; i++) ptrs[i] = (long)Str(items[i]);
        return Longs(ptrs);
    }
}
