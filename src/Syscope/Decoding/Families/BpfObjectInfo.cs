using Syscope.Decoding.Constants;

namespace Syscope.Decoding.Families;

/// <summary>
/// BPF_OBJ_GET_INFO_BY_FD's info buffer, which strace spells out only with -v and only for a map
/// or a program (told by the descriptor's anon_inode name): struct bpf_map_info, or struct
/// bpf_prog_info, whose counts and pointers the caller passes in and the kernel replaces ("0 => 2").
/// The entry's values live in Scratch.Words: [0] the kind, then the program's inputs by <see cref="Saved"/>.
/// </summary>
internal static class BpfObjectInfo
{
    private const int PageSize = 4096, MapInfoSize = 88, ProgInfoSize = 220;
    private const ulong NoKind = 0, MapKind = 1, ProgKind = 2;

    /// <summary>Offsets in bpf_prog_info of the fields whose entry values are kept, by their index in Words.</summary>
    private static ReadOnlySpan<int> Saved => [16, 20, 52, 104, 108, 112, 120, 132, 144, 148, 160, 168, 172, 176, 180];

    private const int JitedProgLen = 1, XlatedProgLen = 2, NrMapIds = 3, NrJitedKsyms = 4, NrJitedFuncLens = 5, JitedKsyms = 6,
        JitedFuncLens = 7, FuncInfoRecSize = 8, NrFuncInfo = 9, NrLineInfo = 10, JitedLineInfo = 11, NrJitedLineInfo = 12,
        LineInfoRecSize = 13, JitedLineInfoRecSize = 14, NrProgTags = 15;

    public static void Save(ref DecodeContext c, int fd, ulong info, uint size)
    {
        c.Scratch.Words = default;
        if (!c.Unabbreviated || c.FdPaths == null) return;
        Span<byte> path = stackalloc byte[64];
        var target = path[..c.FdPaths.PathOf(c.Pid, fd, path)];
        ulong kind = target.SequenceEqual("anon_inode:bpf-map"u8) ? MapKind : target.SequenceEqual("anon_inode:bpf-prog"u8) ? ProgKind : NoKind;
        c.Scratch.Words[0] = kind;
        Span<byte> buf = stackalloc byte[PageSize];
        if (kind != ProgKind || !Fetch(ref c, info, size, buf)) return;
        var offsets = Saved;
        for (int i = 0; i < offsets.Length; i++)
        {
            int word = i + 1;
            c.Scratch.Words[word] = word is JitedKsyms or JitedFuncLens or JitedLineInfo ? BpfDecoders.U64(buf, offsets[i]) : BpfDecoders.U32(buf, offsets[i]);
        }
    }

    public static void Print(ref DecodeContext c, ulong info, uint size)
    {
        ulong kind = c.Scratch.Words[0];
        Span<byte> buf = stackalloc byte[PageSize];
        if (!c.Unabbreviated || kind == NoKind || !Fetch(ref c, info, size, buf)) { c.Out.Ptr(info); return; }
        c.Out.BeginStruct();
        if (kind == MapKind) MapInfo(ref c, buf, size); else ProgInfo(ref c, buf, size);
        c.Out.EndStruct();
    }

    /// <summary>The info buffer, size bytes of it (at most a page), zeroed past them.</summary>
    private static bool Fetch(ref DecodeContext c, ulong info, uint size, scoped Span<byte> buf)
    {
        buf.Clear();
        return size is > 0 and <= PageSize && info != 0 && c.Memory.Read(info, buf[..(int)size]) == size;
    }

    private static void MapInfo(ref DecodeContext c, scoped ReadOnlySpan<byte> b, uint size)
    {
        var w = c.Out;
        int len = (int)Math.Min(size, MapInfoSize);
        w.Field("type"u8);
        BpfConstants.MapTypes.Print(w, BpfDecoders.U32(b, 0));
        w.Field("id"u8).UInt(BpfDecoders.U32(b, 4)).Field("key_size"u8).UInt(BpfDecoders.U32(b, 8)).Field("value_size"u8).UInt(BpfDecoders.U32(b, 12))
            .Field("max_entries"u8).UInt(BpfDecoders.U32(b, 16)).Field("map_flags"u8);
        BpfConstants.MapFlags.Print(w, BpfDecoders.U32(b, 20));
        if (len <= 24) return;
        BpfDecoders.CString(ref c, "name"u8, b.Slice(24, 16));
        if (len <= 40) return;
        w.Field("ifindex"u8);
        Netlink.NlattrPrinter.IfIndexValue(c.Host, w, BpfDecoders.U32(b, 40));
        w.Field("btf_vmlinux_value_type_id"u8).UInt(BpfDecoders.U32(b, 44)).Field("netns_dev"u8);
        StatPrinters.Makedev(w, BpfDecoders.U64(b, 48));
        w.Field("netns_ino"u8).UInt(BpfDecoders.U64(b, 56));
        if (len <= 64) return;
        w.Field("btf_id"u8).UInt(BpfDecoders.U32(b, 64)).Field("btf_key_type_id"u8).UInt(BpfDecoders.U32(b, 68)).Field("btf_value_type_id"u8).UInt(BpfDecoders.U32(b, 72));
        BpfDecoders.ExtraData(ref c, b, size, MapInfoSize);
    }

    private static void ProgInfo(ref DecodeContext c, scoped ReadOnlySpan<byte> b, uint size)
    {
        var w = c.Out;
        int len = (int)Math.Min(size, ProgInfoSize);
        w.Field("type"u8);
        BpfConstants.ProgTypes.Print(w, BpfDecoders.U32(b, 0));
        w.Field("id"u8).UInt(BpfDecoders.U32(b, 4)).Field("tag"u8).Quoted(b.Slice(8, 8), 2, false);
        Count(ref c, "jited_prog_len"u8, JitedProgLen, BpfDecoders.U32(b, 16));
        w.Field("jited_prog_insns"u8);
        Printers.Buffer(ref c, BpfDecoders.U64(b, 24), BpfDecoders.U32(b, 16), forceHex: true);
        Count(ref c, "xlated_prog_len"u8, XlatedProgLen, BpfDecoders.U32(b, 20));
        w.Field("xlated_prog_insns"u8);
        ulong insns = BpfDecoders.U64(b, 32);
        uint insnCount = Math.Min((uint)c.Scratch.Words[XlatedProgLen], BpfDecoders.U32(b, 20)) / 8;
        // As with the ids: after a failure strace reads no instruction.
        if (c.Failed && insns != 0 && insnCount > 0) w.Hex(insns); else BpfInsnPrinter.Print(ref c, insns, insnCount);
        if (len <= 40) return;
        ulong loadTime = BpfDecoders.U64(b, 40);
        w.Field("load_time"u8).UInt(loadTime);
        BootTimeComment(ref c, loadTime);
        w.Field("created_by_uid"u8);
        Args.IdValue(w, BpfDecoders.U32(b, 48));
        Count(ref c, "nr_map_ids"u8, NrMapIds, BpfDecoders.U32(b, 52));
        w.Field("map_ids"u8);
        BpfDecoders.IdArray(ref c, BpfDecoders.U64(b, 56), Math.Min((uint)c.Scratch.Words[NrMapIds], BpfDecoders.U32(b, 52)));
        BpfDecoders.CString(ref c, "name"u8, b.Slice(64, 16));
        if (len <= 80) return;
        w.Field("ifindex"u8);
        Netlink.NlattrPrinter.IfIndexValue(c.Host, w, BpfDecoders.U32(b, 80));
        w.Field("gpl_compatible"u8).UInt(BpfDecoders.U32(b, 84) & 1).Field("netns_dev"u8);
        StatPrinters.Makedev(w, BpfDecoders.U64(b, 88));
        w.Field("netns_ino"u8).UInt(BpfDecoders.U64(b, 96));
        if (len <= 104) return;
        Count(ref c, "nr_jited_ksyms"u8, NrJitedKsyms, BpfDecoders.U32(b, 104));
        Count(ref c, "nr_jited_func_lens"u8, NrJitedFuncLens, BpfDecoders.U32(b, 108));
        Address(ref c, "jited_ksyms"u8, JitedKsyms, BpfDecoders.U64(b, 112));
        Address(ref c, "jited_func_lens"u8, JitedFuncLens, BpfDecoders.U64(b, 120));
        if (len <= 128) return;
        w.Field("btf_id"u8).UInt(BpfDecoders.U32(b, 128));
        Count(ref c, "func_info_rec_size"u8, FuncInfoRecSize, BpfDecoders.U32(b, 132));
        w.Field("func_info"u8).Ptr(BpfDecoders.U64(b, 136));
        Count(ref c, "nr_func_info"u8, NrFuncInfo, BpfDecoders.U32(b, 144));
        Count(ref c, "nr_line_info"u8, NrLineInfo, BpfDecoders.U32(b, 148));
        w.Field("line_info"u8).Ptr(BpfDecoders.U64(b, 152));
        Address(ref c, "jited_line_info"u8, JitedLineInfo, BpfDecoders.U64(b, 160));
        Count(ref c, "nr_jited_line_info"u8, NrJitedLineInfo, BpfDecoders.U32(b, 168));
        Count(ref c, "line_info_rec_size"u8, LineInfoRecSize, BpfDecoders.U32(b, 172));
        Count(ref c, "jited_line_info_rec_size"u8, JitedLineInfoRecSize, BpfDecoders.U32(b, 176));
        Count(ref c, "nr_prog_tags"u8, NrProgTags, BpfDecoders.U32(b, 180));
        w.Field("prog_tags"u8).Ptr(BpfDecoders.U64(b, 184));
        if (len <= 192) return;
        w.Field("run_time_ns"u8).UInt(BpfDecoders.U64(b, 192)).Field("run_cnt"u8).UInt(BpfDecoders.U64(b, 200));
        if (len <= 208) return;
        w.Field("recursion_misses"u8).UInt(BpfDecoders.U64(b, 208));
        if (len <= 216) return;
        w.Field("verified_insns"u8).UInt(BpfDecoders.U32(b, 216));
        BpfDecoders.ExtraData(ref c, b, size, ProgInfoSize);
    }

    /// <summary>A count the caller passed and the kernel may replace: "0 => 11" when it did.</summary>
    private static void Count(ref DecodeContext c, scoped ReadOnlySpan<byte> name, int word, uint now)
    {
        BpfDecoders.Changed(c.Out.Field(name), (uint)c.Scratch.Words[word], now);
    }

    private static void Address(ref DecodeContext c, scoped ReadOnlySpan<byte> name, int word, ulong now)
    {
        ulong before = c.Scratch.Words[word];
        c.Out.Field(name);
        if (before != now) c.Out.Ptr(before).Raw(" => "u8);
        c.Out.Ptr(now);
    }

    /// <summary>A load time counts nanoseconds since boot: strace adds the wall-clock time it
    /// stands for, to the second (the offset between the clocks is approximate).</summary>
    private static void BootTimeComment(ref DecodeContext c, ulong bootNs)
    {
        if (c.Options.ConstStyle == ConstStyle.Raw || c.Host == null) return;
        var anchor = c.Host.WallClock;
        long unixNs = (long)bootNs + (anchor.UnixNs - anchor.MonotonicNs);
        TimePrinters.DateComment(c.Out, Math.DivRem(unixNs, 1_000_000_000L, out _), 0, fraction: false);
    }

}
