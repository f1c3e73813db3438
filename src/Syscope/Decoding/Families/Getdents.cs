using System.Buffers.Binary;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>getdents64: "0x55d0 /* 5 entries */", or with -v every linux_dirent64.</summary>
internal static class Getdents
{
    private const int MaxBuffer = 1 << 20;

    [ThreadStatic] private static byte[]? t_buffer;

    private static readonly byte[][] s_types =
    [
        "DT_UNKNOWN"u8.ToArray(), "DT_FIFO"u8.ToArray(), "DT_CHR"u8.ToArray(), [], "DT_DIR"u8.ToArray(), [],
        "DT_BLK"u8.ToArray(), [], "DT_REG"u8.ToArray(), [], "DT_LNK"u8.ToArray(), [], "DT_SOCK"u8.ToArray(),
        [], "DT_WHT"u8.ToArray(),
    ];

    public static void Exit(ref DecodeContext c)
    {
        c.Out.Sep();
        ulong addr = c.Arg(1);
        long len = c.ReturnValue;
        if (c.Failed || len > MaxBuffer || c.AddressesOnly) { c.Out.Ptr(addr); Args.UInt(ref c, 2); return; }
        var buf = t_buffer ??= new byte[MaxBuffer];
        var data = buf.AsSpan(0, (int)len);
        if (Printers.ReadStruct(ref c, addr, data) < len) { c.Out.Hex(addr); Args.UInt(ref c, 2); return; }
        if (c.Unabbreviated) PrintEntries(ref c, data);
        else
        {
            // For --json the argument is the buffer's address; the count is a comment on it.
            int end = c.Out.Hex(addr).Length;
            c.Out.Raw(" /* "u8).Int(Count(data)).Raw(" entries */"u8).Annotated(end);
        }
        Args.UInt(ref c, 2);
    }

    private static int Count(ReadOnlySpan<byte> data)
    {
        int n = 0;
        for (int off = 0; off + 19 <= data.Length; n++)
        {
            int reclen = BinaryPrimitives.ReadUInt16LittleEndian(data[(off + 16)..]);
            if (reclen == 0) break;
            off += reclen;
        }
        return n;
    }

    private static void PrintEntries(ref DecodeContext c, ReadOnlySpan<byte> data)
    {
        var w = c.Out;
        w.BeginArray();
        for (int off = 0; off + 19 <= data.Length;)
        {
            int reclen = BinaryPrimitives.ReadUInt16LittleEndian(data[(off + 16)..]);
            if (reclen < 19 || off + reclen > data.Length) break;
            var e = data.Slice(off, reclen);
            w.Element().BeginStruct().Field("d_ino"u8).UInt(BinaryPrimitives.ReadUInt64LittleEndian(e));
            w.Field("d_off"u8).Int(BinaryPrimitives.ReadInt64LittleEndian(e[8..]));
            w.Field("d_reclen"u8).Int(reclen).Field("d_type"u8);
            byte type = e[18];
            if (type < s_types.Length && s_types[type].Length > 0) w.FixedName(s_types[type], type); else w.Int(type);
            var name = e[19..];
            int nul = name.IndexOf((byte)0);
            w.Field("d_name"u8).Quoted(nul >= 0 ? name[..nul] : name, c.Options.HexStrings, false).EndStruct();
            off += reclen;
        }
        w.EndArray();
    }
}
