using System.Buffers.Binary;
using Syscope.Decoding.Constants;
using Syscope.Syscalls;

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
        PROG_LOAD = 5, OBJ_PIN = 6, OBJ_GET = 7, OBJ_GET_INFO_BY_FD = 0xf, MAP_FREEZE = 0x16;

    public static void Register(DecoderTable d)
    {
        d[Sys.bpf] = new FuncDecoder(Entry, (ref DecodeContext c) =>
        {
            c.ReturnFormat = c.IntArg(0) is MAP_CREATE or PROG_LOAD or OBJ_GET ? ReturnFormat.Fd : ReturnFormat.Decimal;
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
            or PROG_LOAD or OBJ_PIN or OBJ_GET or OBJ_GET_INFO_BY_FD or MAP_FREEZE;
        if (addr == 0) c.Out.Ptr(0);
        else if (!decoded || len == 0 || c.AddressesOnly || c.Memory.Read(addr, a[..len]) < len) c.Out.Hex(addr);
        else
        {
            c.Out.BeginStruct();
            switch (cmd)
            {
                case MAP_CREATE: MapCreate(ref c, a, len); break;
                case PROG_LOAD: ProgLoad(ref c, a, len); break;
                case OBJ_GET_INFO_BY_FD:
                    c.Out.Field("info"u8).BeginStruct().Field("bpf_fd"u8);
                    Fd(ref c, (int)U32(a, 0));
                    c.Out.Field("info_len"u8).UInt(U32(a, 4)).Field("info"u8).Ptr(U64(a, 8)).EndStruct();
                    break;
                case OBJ_PIN or OBJ_GET: ObjPin(ref c, a, len); break;
                default: MapElem(ref c, cmd, a, len); break;
            }
            c.Out.EndStruct();
        }
        Args.UInt(ref c, 2);
    }

    private static void MapCreate(ref DecodeContext c, scoped ReadOnlySpan<byte> a, int len)
    {
        var w = c.Out;
        w.Field("map_type"u8);
        BpfConstants.MapTypes.Print(w, U32(a, 0));
        w.Field("key_size"u8).UInt(U32(a, 4)).Field("value_size"u8).UInt(U32(a, 8)).Field("max_entries"u8).UInt(U32(a, 12));
        if (len <= 16) return;
        uint flags = U32(a, 16);
        w.Field("map_flags"u8);
        BpfConstants.MapFlags.Print(w, flags);
        if (len <= 20) return;
        w.Field("inner_map_fd"u8);
        Fd(ref c, (int)U32(a, 20));
        if ((flags & BPF_F_NUMA_NODE) != 0) w.Field("numa_node"u8).UInt(U32(a, 24));
        if (len <= 28) return;
        var name = a.Slice(28, 16);
        int nul = name.IndexOf((byte)0);
        w.Field("map_name"u8).Quoted(nul < 0 ? name : name[..nul], c.Options.HexStrings, nul < 0);
        if (len <= 44) return;
        w.Field("map_ifindex"u8);
        Netlink.NlattrPrinter.IfIndexValue(c.Host, w, U32(a, 44));
        if (len <= 48) return;
        w.Field("btf_fd"u8);
        Fd(ref c, (int)U32(a, 48));
        if (len <= 52) return;
        w.Field("btf_key_type_id"u8).UInt(U32(a, 52));
        if (len <= 56) return;
        w.Field("btf_value_type_id"u8).UInt(U32(a, 56));
        if (len <= 60) return;
        w.Field("btf_vmlinux_value_type_id"u8).UInt(U32(a, 60));
        if (len <= 64) return;
        w.Field("map_extra"u8).Hex(BinaryPrimitives.ReadUInt64LittleEndian(a[64..]));
    }

    /// <summary>The program text is spelled out only with -v; the verifier log buffer as a string (of
    /// whatever it holds at entry), the kernel version as the macro that builds it.</summary>
    private static void ProgLoad(ref DecodeContext c, scoped ReadOnlySpan<byte> a, int len)
    {
        var w = c.Out;
        w.Field("prog_type"u8);
        BpfConstants.ProgTypes.Print(w, U32(a, 0));
        w.Field("insn_cnt"u8).UInt(U32(a, 4)).Field("insns"u8);
        BpfInsnPrinter.Print(ref c, U64(a, 8), U32(a, 4));
        w.Field("license"u8);
        Printers.String(ref c, U64(a, 16));
        if (len <= 24) return;
        w.Field("log_level"u8).UInt(U32(a, 24)).Field("log_size"u8).UInt(U32(a, 28)).Field("log_buf"u8);
        LogBuffer(ref c, U64(a, 32), U32(a, 28));
        if (len <= 40) return;
        uint kv = U32(a, 40);
        w.Field("kern_version"u8);
        var mark = w.BeginConst();
        w.Raw("KERNEL_VERSION("u8).UInt(kv >> 16).Raw(", "u8).UInt((kv >> 8) & 0xff).Raw(", "u8).UInt(kv & 0xff).Raw((byte)')');
        w.EndConst(mark, kv);
        if (len <= 44) return;
        w.Field("prog_flags"u8);
        BpfConstants.ProgFlags.Print(w, U32(a, 44));
        if (len <= 48) return;
        var name = a.Slice(48, 16);
        int nul = name.IndexOf((byte)0);
        w.Field("prog_name"u8).Quoted(nul < 0 ? name : name[..nul], c.Options.HexStrings, nul < 0);
        if (len <= 64) return;
        w.Field("prog_ifindex"u8);
        Netlink.NlattrPrinter.IfIndexValue(c.Host, w, U32(a, 64));
        if (len <= 68) return;
        w.Field("expected_attach_type"u8);
        BpfConstants.AttachTypes.Print(w, U32(a, 68));
        if (len <= 72) return;
        w.Field("prog_btf_fd"u8);
        Fd(ref c, (int)U32(a, 72));
        w.Field("func_info_rec_size"u8).UInt(U32(a, 76)).Field("func_info"u8).Ptr(U64(a, 80)).Field("func_info_cnt"u8).UInt(U32(a, 88));
        if (len <= 92) return;
        w.Field("line_info_rec_size"u8).UInt(U32(a, 92)).Field("line_info"u8).Ptr(U64(a, 96)).Field("line_info_cnt"u8).UInt(U32(a, 104));
        if (len <= 108) return;
        w.Field("attach_btf_id"u8).UInt(U32(a, 108));
        if (len <= 112) return;
        w.Field("attach_prog_fd"u8);
        Fd(ref c, (int)U32(a, 112));
        if (len <= 120) return;
        w.Field("fd_array"u8).Ptr(U64(a, 120));
    }

    /// <summary>At most log_size bytes up to the first NUL, cut at -s.</summary>
    private static void LogBuffer(ref DecodeContext c, ulong addr, uint size)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        int limit = c.Options.StringLimit;
        Span<byte> buf = stackalloc byte[Math.Min(limit + 1, 4096)];
        int want = (int)Math.Min(size, (uint)buf.Length);
        if (want > 0 && c.Memory.Read(addr, buf[..want]) < want) { c.Out.Hex(addr); return; }
        var data = buf[..want];
        int nul = data.IndexOf((byte)0);
        if (nul >= 0) data = data[..nul];
        bool more = data.Length > limit;
        c.Out.Quoted(data[..Math.Min(data.Length, limit)], c.Options.HexStrings, more);
    }

    /// <summary>struct { map_fd; key; value or next_key; flags } of the element commands.</summary>
    private static void MapElem(ref DecodeContext c, int cmd, scoped ReadOnlySpan<byte> a, int len)
    {
        var w = c.Out;
        w.Field("map_fd"u8);
        Fd(ref c, (int)U32(a, 0));
        if (cmd == MAP_FREEZE || len <= 8) return;
        w.Field("key"u8).Ptr(U64(a, 8));
        if (cmd == MAP_DELETE_ELEM || len <= 16) return;
        w.Field(cmd == MAP_GET_NEXT_KEY ? "next_key"u8 : "value"u8).Ptr(U64(a, 16));
        if (cmd == MAP_GET_NEXT_KEY || len <= 24) return;
        w.Field("flags"u8);
        BpfConstants.ElemFlags.Print(w, U64(a, 24));
    }

    private static void ObjPin(ref DecodeContext c, scoped ReadOnlySpan<byte> a, int len)
    {
        var w = c.Out;
        w.Field("pathname"u8);
        Printers.Path(ref c, U64(a, 0));
        if (len <= 8) return;
        w.Field("bpf_fd"u8);
        Fd(ref c, (int)U32(a, 8));
        if (len <= 12) return;
        w.Field("file_flags"u8);
        BpfConstants.MapFlags.Print(w, U32(a, 12));
    }

    private static void Fd(ref DecodeContext c, int fd)
    {
        int start = c.Out.Length;
        c.Out.Int(fd);
        Args.FdPath(ref c, fd, c.Out);
        c.Out.MarkFd(start, fd);
    }

    private static uint U32(ReadOnlySpan<byte> a, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(a[offset..]);

    private static ulong U64(ReadOnlySpan<byte> a, int offset) => BinaryPrimitives.ReadUInt64LittleEndian(a[offset..]);
}
