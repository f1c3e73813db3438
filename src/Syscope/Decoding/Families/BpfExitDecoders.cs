using Syscope.Decoding.Constants;

namespace Syscope.Decoding.Families;

/// <summary>
/// The bpf(2) commands whose attribute the kernel writes back: entry prints what the caller
/// passed and keeps the values the kernel may change; exit reads the attribute again and shows
/// each changed value after " => ", as strace does.
/// </summary>
internal static partial class BpfDecoders
{
    private static bool EntryOfExitCommand(ref DecodeContext c, uint cmd, scoped ReadOnlySpan<byte> a, uint size)
    {
        var w = c.Out;
        switch (cmd)
        {
            case PROG_GET_NEXT_ID or MAP_GET_NEXT_ID or BTF_GET_NEXT_ID or LINK_GET_NEXT_ID:
                c.Scratch.C = U32(a, 4);
                w.Field("start_id"u8).UInt(U32(a, 0)).Field("next_id"u8).UInt(U32(a, 4));
                return false;
            case OBJ_GET_INFO_BY_FD:
                c.Scratch.C = U32(a, 4);
                w.Field("info"u8).BeginStruct();
                FdField(ref c, "bpf_fd"u8, a, 0);
                w.Field("info_len"u8).UInt(U32(a, 4));
                BpfObjectInfo.Save(ref c, (int)U32(a, 0), U64(a, 8), U32(a, 4));
                return false;
            case PROG_QUERY:
                c.Scratch.C = U32(a, 24);
                w.Field("query"u8).BeginStruct();
                FdField(ref c, "target_fd"u8, a, 0);
                w.Field("attach_type"u8);
                BpfConstants.AttachTypes.Print(w, U32(a, 4));
                w.Field("query_flags"u8);
                BpfConstants.QueryFlags.Print(w, U32(a, 8));
                w.Field("attach_flags"u8);
                BpfConstants.AttachFlags.Print(w, U32(a, 12));
                w.Field("prog_ids"u8);
                return false;
            case TASK_FD_QUERY:
                c.Scratch.C = U32(a, 12);
                w.Field("task_fd_query"u8).BeginStruct().Field("pid"u8);
                c.PidNotes.Write(w, (int)U32(a, 0), Events.PidKind.Process);
                FdField(ref c, "fd"u8, a, 4);
                w.Field("flags"u8).UInt(U32(a, 8)).Field("buf_len"u8).UInt(U32(a, 12));
                return false;
            default:
                Batch(ref c, cmd, a);
                EndAttr(ref c, a, size, 56);
                return false;
        }
    }

    private static void ExitFields(ref DecodeContext c, uint cmd, scoped ReadOnlySpan<byte> a, uint size)
    {
        var w = c.Out;
        switch (cmd)
        {
            case PROG_GET_NEXT_ID or MAP_GET_NEXT_ID or BTF_GET_NEXT_ID or LINK_GET_NEXT_ID:
                if (U32(a, 4) != (uint)c.Scratch.C) w.Raw(" => "u8).UInt(U32(a, 4));
                if (size > 8) OpenFlags(w, a);
                EndAttr(ref c, a, size, 12);
                return;
            case OBJ_GET_INFO_BY_FD:
                if (U32(a, 4) != (uint)c.Scratch.C) w.Raw(" => "u8).UInt(U32(a, 4));
                w.Field("info"u8);
                BpfObjectInfo.Print(ref c, U64(a, 8), U32(a, 4));
                w.EndStruct();
                EndAttr(ref c, a, size, 16);
                return;
            case PROG_QUERY:
                IdArray(ref c, U64(a, 16), U32(a, 24));
                w.Field("prog_cnt"u8);
                Changed(w, (uint)c.Scratch.C, U32(a, 24));
                w.EndStruct();
                EndAttr(ref c, a, size, 28);
                return;
            case TASK_FD_QUERY:
                if (U32(a, 12) != (uint)c.Scratch.C) w.Raw(" => "u8).UInt(U32(a, 12));
                w.Field("buf"u8);
                StringWithin(ref c, U64(a, 16), Math.Min((uint)c.Scratch.C, U32(a, 12)));
                w.Field("prog_id"u8).UInt(U32(a, 24)).Field("fd_type"u8);
                BpfConstants.TaskFdTypes.Print(w, U32(a, 28));
                w.Field("probe_offset"u8).Hex(U64(a, 32)).Field("probe_addr"u8).Hex(U64(a, 40));
                w.EndStruct();
                EndAttr(ref c, a, size, 48);
                return;
            default:
                if (U32(a, 32) != (uint)c.Scratch.C)
                    w.Raw(" => {batch={count="u8).UInt(U32(a, 32)).Raw("}}"u8);
                return;
        }
    }

    /// <summary>An array of ids the kernel wrote: after a failure strace reads no element, so a
    /// nonempty one shows as its address.</summary>
    internal static void IdArray(ref DecodeContext c, ulong addr, uint count)
    {
        if (c.Failed && addr != 0 && count > 0) c.Out.Hex(addr);
        else Printers.Array(ref c, addr, count, static (ref DecodeContext c, in uint id) => c.Out.UInt(id));
    }

    /// <summary>"old => new" when the kernel changed a value, else the value.</summary>
    internal static void Changed(ArgWriter w, ulong before, ulong after)
    {
        if (before != after) w.UInt(before).Raw(" => "u8);
        w.UInt(after);
    }

    /// <summary>The batch commands' struct: the count is what the kernel writes back.</summary>
    private static void Batch(ref DecodeContext c, uint cmd, scoped ReadOnlySpan<byte> a)
    {
        var w = c.Out;
        c.Scratch.C = U32(a, 32);
        w.Field("batch"u8).BeginStruct();
        if (cmd is MAP_LOOKUP_BATCH or MAP_LOOKUP_AND_DELETE_BATCH)
            w.Field("in_batch"u8).Ptr(U64(a, 0)).Field("out_batch"u8).Ptr(U64(a, 8));
        w.Field("keys"u8).Ptr(U64(a, 16));
        if (cmd != MAP_DELETE_BATCH) w.Field("values"u8).Ptr(U64(a, 24));
        w.Field("count"u8).UInt(U32(a, 32));
        FdField(ref c, "map_fd"u8, a, 36);
        w.Field("elem_flags"u8);
        BpfConstants.LookupElemFlags.Print(w, U64(a, 40));
        w.Field("flags"u8).Hex(U64(a, 48)).EndStruct();
    }
}
