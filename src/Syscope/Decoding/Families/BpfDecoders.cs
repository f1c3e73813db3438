using System.Buffers.Binary;
using Syscope.Decoding.Constants;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>
/// bpf(2): the command, then the fields of union bpf_attr that command uses, as strace 6.1 prints
/// them.  The caller's size decides: up to a page is read whole (an attribute that cannot be read
/// prints as its address); a field the size stops before is not shown, and nonzero bytes past the
/// structure strace knows show as ", ..." (with -v as extra_data in hex).  Commands strace does not
/// decode print the attribute's address.  Most commands print everything at entry; those whose
/// fields the kernel writes back (the BpfExitDecoders half) finish at exit.
/// </summary>
internal static partial class BpfDecoders
{
    private const int PageSize = 4096, BPF_F_NUMA_NODE = 4, BPF_F_REPLACE = 4;
    private const uint MAP_CREATE = 0, MAP_LOOKUP_ELEM = 1, MAP_UPDATE_ELEM = 2, MAP_DELETE_ELEM = 3, MAP_GET_NEXT_KEY = 4,
        PROG_LOAD = 5, OBJ_PIN = 6, OBJ_GET = 7, PROG_ATTACH = 8, PROG_DETACH = 9, PROG_TEST_RUN = 0xa, PROG_GET_NEXT_ID = 0xb,
        MAP_GET_NEXT_ID = 0xc, PROG_GET_FD_BY_ID = 0xd, MAP_GET_FD_BY_ID = 0xe, OBJ_GET_INFO_BY_FD = 0xf, PROG_QUERY = 0x10,
        RAW_TRACEPOINT_OPEN = 0x11, BTF_LOAD = 0x12, BTF_GET_FD_BY_ID = 0x13, TASK_FD_QUERY = 0x14, MAP_LOOKUP_AND_DELETE_ELEM = 0x15,
        MAP_FREEZE = 0x16, BTF_GET_NEXT_ID = 0x17, MAP_LOOKUP_BATCH = 0x18, MAP_LOOKUP_AND_DELETE_BATCH = 0x19,
        MAP_UPDATE_BATCH = 0x1a, MAP_DELETE_BATCH = 0x1b, LINK_CREATE = 0x1c, LINK_UPDATE = 0x1d, LINK_GET_FD_BY_ID = 0x1e,
        LINK_GET_NEXT_ID = 0x1f;

    /// <summary>Scratch.A: what the exit still does; Scratch.B: 1 when the result is a descriptor.</summary>
    private const long Done = 0, ExitContinues = 1;

    public static void Register(DecoderTable d) => d[Sys.bpf] = new FuncDecoder(Entry, Exit, exitArgs: false);

    private static void Entry(ref DecodeContext c)
    {
        uint cmd = (uint)c.Arg(0);
        Args.Value(ref c, 0, BpfConstants.Commands);
        c.Out.Sep();
        c.Scratch.A = Done;
        c.Scratch.B = 0;
        uint size = (uint)c.Arg(2);
        Span<byte> a = stackalloc byte[PageSize];
        if (size == 0 || size > PageSize || cmd > LINK_GET_NEXT_ID) c.Out.Ptr(c.Arg(1));
        else if (ReadAttr(ref c, a, size))
        {
            c.Scratch.B = cmd is MAP_CREATE or PROG_LOAD or OBJ_PIN or OBJ_GET or PROG_GET_FD_BY_ID or MAP_GET_FD_BY_ID or BTF_LOAD
                or BTF_GET_FD_BY_ID or LINK_CREATE or LINK_GET_FD_BY_ID ? 1 : 0;
            c.Out.BeginStruct();
            if (!EntryFields(ref c, cmd, a, size)) { c.Scratch.A = ExitContinues; return; }
        }
        Args.UInt(ref c, 2);
    }

    private static void Exit(ref DecodeContext c)
    {
        c.ReturnFormat = c.Scratch.B == 1 ? ReturnFormat.Fd : ReturnFormat.Decimal;
        if (c.Scratch.A != ExitContinues) return;
        uint size = (uint)c.Arg(2);
        Span<byte> a = stackalloc byte[PageSize];
        if (ReadAttr(ref c, a, size)) ExitFields(ref c, (uint)c.Arg(0), a, size);
        Args.UInt(ref c, 2);
    }

    /// <summary>The caller's size bytes of the attribute into a (zeroed past them); false, with
    /// its address printed, when they cannot be read (or -e verbose= leaves them).</summary>
    private static bool ReadAttr(ref DecodeContext c, scoped Span<byte> a, uint size)
    {
        ulong addr = c.Arg(1);
        a.Clear();
        if (addr == 0 || c.AddressesOnly || c.Memory.Read(addr, a[..(int)size]) < size) { c.Out.Ptr(addr); return false; }
        return true;
    }

    /// <summary>Prints what entry shows of the attribute; false when the exit finishes it.</summary>
    private static bool EntryFields(ref DecodeContext c, uint cmd, scoped ReadOnlySpan<byte> a, uint size)
    {
        int known;
        switch (cmd)
        {
            case MAP_CREATE: known = 72; MapCreate(ref c, a, Len(size, known)); break;
            case MAP_LOOKUP_ELEM or MAP_LOOKUP_AND_DELETE_ELEM or MAP_UPDATE_ELEM or MAP_DELETE_ELEM or MAP_GET_NEXT_KEY or MAP_FREEZE:
                known = MapElem(ref c, cmd, a, size); break;
            case PROG_LOAD: known = 128; ProgLoad(ref c, a, Len(size, known)); break;
            case OBJ_PIN or OBJ_GET: known = 16; ObjPin(ref c, a, Len(size, known)); break;
            case PROG_ATTACH: known = 20; ProgAttach(ref c, a, Len(size, known)); break;
            case PROG_DETACH:
                known = 12;
                FdField(ref c, "target_fd"u8, a, 0);
                c.Out.Field("attach_type"u8);
                BpfConstants.AttachTypes.Print(c.Out, U32(a, 8));
                break;
            case PROG_TEST_RUN: known = 76; TestRun(ref c, a, Len(size, known)); break;
            case PROG_GET_FD_BY_ID or MAP_GET_FD_BY_ID:
                known = 12;
                c.Out.Field(cmd == PROG_GET_FD_BY_ID ? "prog_id"u8 : "map_id"u8).UInt(U32(a, 0)).Field("next_id"u8).UInt(U32(a, 4));
                if (Len(size, known) > 8) OpenFlags(c.Out, a);
                break;
            case RAW_TRACEPOINT_OPEN:
                known = 12;
                c.Out.Field("raw_tracepoint"u8).BeginStruct().Field("name"u8);
                StringWithin(ref c, U64(a, 0), 128);
                FdField(ref c, "prog_fd"u8, a, 8);
                c.Out.EndStruct();
                break;
            case BTF_LOAD:
                known = 28;
                c.Out.Field("btf"u8);
                Printers.Buffer(ref c, U64(a, 0), U32(a, 16));
                c.Out.Field("btf_log_buf"u8).Ptr(U64(a, 8)).Field("btf_size"u8).UInt(U32(a, 16))
                    .Field("btf_log_size"u8).UInt(U32(a, 20)).Field("btf_log_level"u8).UInt(U32(a, 24));
                break;
            case BTF_GET_FD_BY_ID or LINK_GET_FD_BY_ID:
                known = 4;
                c.Out.Field(cmd == BTF_GET_FD_BY_ID ? "btf_id"u8 : "link_id"u8).UInt(U32(a, 0));
                break;
            case LINK_CREATE: known = LinkCreate(ref c, a, Len(size, 48)); break;
            case LINK_UPDATE:
                known = 16;
                c.Out.Field("link_update"u8).BeginStruct();
                FdField(ref c, "link_fd"u8, a, 0);
                FdField(ref c, "new_prog_fd"u8, a, 4);
                c.Out.Field("flags"u8);
                BpfConstants.AttachFlags.Print(c.Out, U32(a, 8));
                if ((U32(a, 8) & BPF_F_REPLACE) != 0) FdField(ref c, "old_prog_fd"u8, a, 12);
                c.Out.EndStruct();
                break;
            default: return EntryOfExitCommand(ref c, cmd, a, size);
        }
        EndAttr(ref c, a, size, known);
        return true;
    }

    /// <summary>The end of the attribute: nonzero bytes past the known structure, then "}".</summary>
    private static void EndAttr(ref DecodeContext c, scoped ReadOnlySpan<byte> a, uint size, int known)
    {
        ExtraData(ref c, a, size, known);
        c.Out.EndStruct();
    }

    /// <summary>Bytes the caller passed past the structure strace knows, when any is nonzero:
    /// ", ..." unless -v, which shows them all in hex with where they lie.</summary>
    internal static void ExtraData(ref DecodeContext c, scoped ReadOnlySpan<byte> a, uint size, int known)
    {
        if (size <= known || !a[known..(int)size].ContainsAnyExcept((byte)0)) return;
        if (!c.Unabbreviated) { c.Out.Elided().Raw("..."u8); return; }
        c.Out.Field("extra_data"u8).Quoted(a[known..(int)size], 2, false)
            .Raw(" /* bytes "u8).UInt((ulong)known).Raw(".."u8).UInt(size - 1).Raw(" */"u8);
    }

    private static int Len(uint size, int known) => (int)Math.Min(size, (uint)known);

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
        FdField(ref c, "inner_map_fd"u8, a, 20);
        if (len <= 24) return;
        if ((flags & BPF_F_NUMA_NODE) != 0)
        {
            // The kernel's "no node" has no name in its UAPI, so strace shows the number and names it in a comment.
            uint node = U32(a, 24);
            int start = w.Field("numa_node"u8).Length;
            w.UInt(node);
            if (node == uint.MaxValue && c.Options.ConstStyle != ConstStyle.Raw) { w.Raw(" /* NUMA_NO_NODE */"u8); w.Annotated(start); }
        }
        if (len <= 28) return;
        CString(ref c, "map_name"u8, a.Slice(28, Math.Min(16, len - 28)));
        if (len <= 44) return;
        w.Field("map_ifindex"u8);
        Netlink.NlattrPrinter.IfIndexValue(c.Host, w, U32(a, 44));
        if (len <= 48) return;
        FdField(ref c, "btf_fd"u8, a, 48);
        w.Field("btf_key_type_id"u8).UInt(U32(a, 52)).Field("btf_value_type_id"u8).UInt(U32(a, 56));
        if (len <= 60) return;
        w.Field("btf_vmlinux_value_type_id"u8).UInt(U32(a, 60));
        if (len <= 64) return;
        w.Field("map_extra"u8).UInt(U64(a, 64));
    }

    /// <summary>struct { map_fd; key; value or next_key; flags } of the element commands; the size
    /// of the structure strace knows for the command.</summary>
    private static int MapElem(ref DecodeContext c, uint cmd, scoped ReadOnlySpan<byte> a, uint size)
    {
        var w = c.Out;
        FdField(ref c, "map_fd"u8, a, 0);
        if (cmd == MAP_FREEZE) return 4;
        w.Field("key"u8).Ptr(U64(a, 8));
        if (cmd == MAP_DELETE_ELEM) return 16;
        w.Field(cmd == MAP_GET_NEXT_KEY ? "next_key"u8 : "value"u8).Ptr(U64(a, 16));
        if (cmd == MAP_GET_NEXT_KEY) return 24;
        if (cmd == MAP_UPDATE_ELEM)
        {
            w.Field("flags"u8);
            BpfConstants.UpdateElemFlags.Print(w, U64(a, 24));
        }
        else if (size > 24)
        {
            w.Field("flags"u8);
            BpfConstants.LookupElemFlags.Print(w, U64(a, 24));
        }
        return 32;
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
        StringWithin(ref c, U64(a, 32), U32(a, 28));
        if (len <= 40) return;
        w.Field("kern_version"u8);
        w.KernelVersion(U32(a, 40));
        if (len <= 44) return;
        w.Field("prog_flags"u8);
        BpfConstants.ProgFlags.Print(w, U32(a, 44));
        if (len <= 48) return;
        CString(ref c, "prog_name"u8, a.Slice(48, Math.Min(16, len - 48)));
        if (len <= 64) return;
        w.Field("prog_ifindex"u8);
        Netlink.NlattrPrinter.IfIndexValue(c.Host, w, U32(a, 64));
        if (len <= 68) return;
        w.Field("expected_attach_type"u8);
        BpfConstants.AttachTypes.Print(w, U32(a, 68));
        if (len <= 72) return;
        FdField(ref c, "prog_btf_fd"u8, a, 72);
        w.Field("func_info_rec_size"u8).UInt(U32(a, 76)).Field("func_info"u8).Ptr(U64(a, 80)).Field("func_info_cnt"u8).UInt(U32(a, 88))
            .Field("line_info_rec_size"u8).UInt(U32(a, 92)).Field("line_info"u8).Ptr(U64(a, 96)).Field("line_info_cnt"u8).UInt(U32(a, 104));
        if (len <= 108) return;
        w.Field("attach_btf_id"u8).UInt(U32(a, 108));
        if (len <= 112) return;
        FdField(ref c, "attach_prog_fd"u8, a, 112);
        if (len <= 120) return;
        w.Field("fd_array"u8).Ptr(U64(a, 120));
    }

    private static void ObjPin(ref DecodeContext c, scoped ReadOnlySpan<byte> a, int len)
    {
        c.Out.Field("pathname"u8);
        Printers.Path(ref c, U64(a, 0));
        FdField(ref c, "bpf_fd"u8, a, 8);
        if (len <= 12) return;
        c.Out.Field("file_flags"u8);
        BpfConstants.FileModeFlags.Print(c.Out, U32(a, 12));
    }

    private static void ProgAttach(ref DecodeContext c, scoped ReadOnlySpan<byte> a, int len)
    {
        FdField(ref c, "target_fd"u8, a, 0);
        FdField(ref c, "attach_bpf_fd"u8, a, 4);
        c.Out.Field("attach_type"u8);
        BpfConstants.AttachTypes.Print(c.Out, U32(a, 8));
        c.Out.Field("attach_flags"u8);
        BpfConstants.AttachFlags.Print(c.Out, U32(a, 12));
        if (len > 16) FdField(ref c, "replace_bpf_fd"u8, a, 16);
    }

    private static void TestRun(ref DecodeContext c, scoped ReadOnlySpan<byte> a, int len)
    {
        var w = c.Out;
        w.Field("test"u8).BeginStruct();
        FdField(ref c, "prog_fd"u8, a, 0);
        w.Field("retval"u8).UInt(U32(a, 4)).Field("data_size_in"u8).UInt(U32(a, 8)).Field("data_size_out"u8).UInt(U32(a, 12))
            .Field("data_in"u8).Ptr(U64(a, 16)).Field("data_out"u8).Ptr(U64(a, 24))
            .Field("repeat"u8).UInt(U32(a, 32)).Field("duration"u8).UInt(U32(a, 36));
        if (len > 40)
            w.Field("ctx_size_in"u8).UInt(U32(a, 40)).Field("ctx_size_out"u8).UInt(U32(a, 44))
                .Field("ctx_in"u8).Ptr(U64(a, 48)).Field("ctx_out"u8).Ptr(U64(a, 56));
        if (len > 64)
        {
            w.Field("flags"u8);
            BpfConstants.TestRunFlags.Print(w, U32(a, 64));
            w.Field("cpu"u8).UInt(U32(a, 68));
        }
        if (len > 72) w.Field("batch_size"u8).UInt(U32(a, 72));
        w.EndStruct();
    }

    private static void OpenFlags(ArgWriter w, ReadOnlySpan<byte> a)
    {
        w.Field("open_flags"u8);
        BpfConstants.FileModeFlags.Print(w, U32(a, 8));
    }

    /// <summary>A descriptor field, with its path under -y.</summary>
    private static void FdField(ref DecodeContext c, scoped ReadOnlySpan<byte> name, scoped ReadOnlySpan<byte> a, int offset)
    {
        c.Out.Field(name);
        int fd = (int)U32(a, offset);
        int start = c.Out.Length;
        c.Out.Int(fd);
        Args.FdPath(ref c, fd, c.Out);
        c.Out.MarkFd(start, fd);
    }

    /// <summary>A name in a fixed array: up to its NUL, else all but its last byte and "..." (the
    /// kernel wants the NUL there).</summary>
    internal static void CString(ref DecodeContext c, scoped ReadOnlySpan<byte> name, scoped ReadOnlySpan<byte> field)
    {
        int nul = field.IndexOf((byte)0);
        c.Out.Field(name).Quoted(nul >= 0 ? field[..nul] : field[..Math.Max(0, field.Length - 1)], c.Options.HexStrings, nul < 0);
    }

    /// <summary>A string of at most max bytes up to its NUL, cut at -s: "..." follows when no NUL
    /// came within what was read (strace's printstr_ex with QUOTE_0_TERMINATED).</summary>
    private static void StringWithin(ref DecodeContext c, ulong addr, uint max)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        int limit = c.Options.StringLimit;
        int want = (int)Math.Min(max, (uint)limit + 1);
        Span<byte> buf = stackalloc byte[Math.Min(want, 4096)];
        bool terminated = true;
        int n = want == 0 ? 0 : c.Memory.ReadCString(addr, buf, out terminated);
        if (Printers.Unreadable(ref c, n, want, terminated)) { c.Out.Hex(addr); return; }
        c.Out.Quoted(buf[..Math.Min(n, limit)], c.Options.HexStrings, !terminated && want > 0);
    }

    internal static uint U32(ReadOnlySpan<byte> a, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(a[offset..]);

    internal static ulong U64(ReadOnlySpan<byte> a, int offset) => BinaryPrimitives.ReadUInt64LittleEndian(a[offset..]);
}
