using System.Buffers.Binary;
using System.Numerics;

namespace Syscope.Recording;

/// <summary>CRC-32C (Castagnoli) of a block, with the processor's crc32 instruction where there is one.</summary>
internal static class Checksum
{
    public static uint Crc32C(ReadOnlySpan<byte> bytes)
    {
        uint crc = ~0u;
        while (bytes.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(bytes));
            bytes = bytes[8..];
        }
        foreach (byte b in bytes) crc = BitOperations.Crc32C(crc, b);
        return ~crc;
    }

    /// <summary>FNV-1a, 64 bits: the key of a question whose argument is a path (DeviceAt).</summary>
    public static long Fnv1a(ReadOnlySpan<byte> bytes)
    {
        ulong h = 14695981039346656037;
        foreach (byte b in bytes) h = (h ^ b) * 1099511628211;
        return (long)h;
    }
}
