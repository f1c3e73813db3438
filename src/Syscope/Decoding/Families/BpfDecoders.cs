using System.Buffers.Binary;
using Syscope.Decoding.Constants;

namespace Syscope.Decoding.Families;

/// <summary>
/// bpf(2): the command, then the fields of union bpf_attr that command uses, each printed only
/// when the caller's size reaches it (the kernel zero-fills the rest), as strace does.  Commands
/// without a decoder here print the attribute's address.
/// </summary>
internal static class BpfDecoders
{
    private const int AttrMax = 144, BPF_F_NUMA_NODE = 4;
    private const int MAP_CREATE = 0, MAP_LOOKUP_ELEM = 1, MAP_UPDATE_ELEM = 2, MAP_DELETE_ELEM = 3, MAP_GET_NEXT_KEY = 4,
        OBJ_PIN = 6, OBJ_GET = 7, MAP_FREEZE = 0x16;

    public static void Register(Dictionary<string, SyscallDecoder> d)
    {
        d["bpf"] = new FuncDecoder(Entry, (ref DecodeContext c) =>
        {
            c.ReturnFormat = c.IntArg(0) is MAP_CREATE or OBJ_GET ? ReturnFormat.Fd : ReturnFormat.Decimal;
        }, exitArgs: false);
    }

    private static void Entry(ref DecodeContext c)
    {
        int cmd = c.IntArg(0);
        Args.Value(ref c, 0, BpfConstants.Commands);
        c.Out.Sep();
        ulong addr = c.Arg(1);
        uint size = (uint)c.Arg(2);
        Span<byte> a = stackalloc byte[AttrMax];
        a.Clear();
        int len = (int)Math.Min(size, (uint)AttrMax);
        bool decoded = cmd is MAP_CREATE or MAP_LOOKUP_ELEM or MAP_UPDATE_ELEM or MAP_DELETE_ELEM or MAP_GET_NEXT_KEY
            or OBJ_PIN or OBJ_GET or MAP_FREEZE;
        if (addr == 0) c.Out.Raw("NULL"u8);
        else if (!decoded || len == 0 || c.Memory.Read(addr, a[..len]) < len) c.Out.Hex(addr);
        else
        {
            c.Out.Raw((byte)'{');
            switch (cmd)
            {
                case MAP_CREATE: MapCreate(ref c, a, len); break;
                case OBJ_PIN or OBJ_GET: ObjPin(ref c, a, len); break;
                default: MapElem(ref c, cmd, a, len); break;
            }
            c.Out.Raw((byte)'}');
        }
        Args.UInt(ref c, 2);
    }

    private static void MapCreate(ref DecodeContext c, scoped ReadOnlySpan<byte> a, int len)
    {
        var w = c.Out;
        w.Raw("map_type="u8);
        BpfConstants.MapTypes.Print(w, U32(a, 0));
        w.Raw(", key_size="u8).UInt(U32(a, 4)).Raw(", value_size="u8).UInt(U32(a, 8)).Raw(", max_entries="u8).UInt(U32(a, 12));
        if (len <= 16) return;
        uint flags = U32(a, 16);
        w.Raw(", map_flags="u8);
        BpfConstants.MapFlags.Print(w, flags);
        if (len <= 20) return;
        w.Raw(", inner_map_fd="u8);
        Fd(ref c, (int)U32(a, 20));
        if ((flags & BPF_F_NUMA_NODE) != 0) w.Raw(", numa_node="u8).UInt(U32(a, 24));
        if (len <= 28) return;
        var name = a.Slice(28, 16);
        int nul = name.IndexOf((byte)0);
        w.Raw(", map_name="u8).Quoted(nul < 0 ? name : name[..nul], c.Options.HexStrings, nul < 0);
        if (len <= 44) return;
        w.Raw(", map_ifindex="u8);
        Netlink.NlattrPrinter.IfIndexValue(w, U32(a, 44));
        if (len <= 48) return;
        w.Raw(", btf_fd="u8);
        Fd(ref c, (int)U32(a, 48));
        if (len <= 52) return;
        w.Raw(", btf_key_type_id="u8).UInt(U32(a, 52));
        if (len <= 56) return;
        w.Raw(", btf_value_type_id="u8).UInt(U32(a, 56));
        if (len <= 60) return;
        w.Raw(", btf_vmlinux_value_type_id="u8).UInt(U32(a, 60));
        if (len <= 64) return;
        w.Raw(", map_extra="u8).Hex(BinaryPrimitives.ReadUInt64LittleEndian(a[64..]));
    }

    /// <summary>struct { map_fd; key; value or next_key; flags } of the element commands.</summary>
    private static void MapElem(ref DecodeContext c, int cmd, scoped ReadOnlySpan<byte> a, int len)
    {
        var w = c.Out;
        w.Raw("map_fd="u8);
        Fd(ref c, (int)U32(a, 0));
        if (cmd == MAP_FREEZE || len <= 8) return;
        w.Raw(", key="u8).Ptr(U64(a, 8));
        if (cmd == MAP_DELETE_ELEM || len <= 16) return;
        w.Raw(cmd == MAP_GET_NEXT_KEY ? ", next_key="u8 : ", value="u8).Ptr(U64(a, 16));
        if (cmd == MAP_GET_NEXT_KEY || len <= 24) return;
        w.Raw(", flags="u8);
        BpfConstants.ElemFlags.Print(w, U64(a, 24));
    }

    private static void ObjPin(ref DecodeContext c, scoped ReadOnlySpan<byte> a, int len)
    {
        var w = c.Out;
        w.Raw("pathname="u8);
        Printers.Path(ref c, U64(a, 0));
        if (len <= 8) return;
        w.Raw(", bpf_fd="u8);
        Fd(ref c, (int)U32(a, 8));
        if (len <= 12) return;
        w.Raw(", file_flags="u8);
        BpfConstants.MapFlags.Print(w, U32(a, 12));
    }

    private static void Fd(ref DecodeContext c, int fd)
    {
        c.Out.Int(fd);
        Args.FdPath(ref c, fd, c.Out);
    }

    private static uint U32(ReadOnlySpan<byte> a, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(a[offset..]);

    private static ulong U64(ReadOnlySpan<byte> a, int offset) => BinaryPrimitives.ReadUInt64LittleEndian(a[offset..]);
}
