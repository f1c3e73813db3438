using Syscope.Decoding.Constants;

namespace Syscope.Decoding.Families;

internal static partial class BpfDecoders
{
    private const uint BPF_TRACE_ITER = 28, BPF_PERF_EVENT = 41, BPF_TRACE_KPROBE_MULTI = 42;

    /// <summary>BPF_LINK_CREATE: the union after the four common fields is chosen by the attach
    /// type, as strace guesses it; returns where the structure strace knows ends, so that bytes
    /// past the member it chose count as extra data.</summary>
    private static int LinkCreate(ref DecodeContext c, scoped ReadOnlySpan<byte> a, int len)
    {
        var w = c.Out;
        w.Field("link_create"u8).BeginStruct();
        FdField(ref c, "prog_fd"u8, a, 0);
        FdField(ref c, "target_fd"u8, a, 4);
        uint type = U32(a, 8);
        w.Field("attach_type"u8);
        BpfConstants.AttachTypes.Print(w, type);
        w.Field("flags"u8).Hex(U32(a, 12));
        int known = 48;
        if (len > 16)
        {
            switch (type)
            {
                // 0 is BPF_CGROUP_INET_INGRESS, which is also what an extension program's link leaves there.
                case 0:
                    if (U32(a, 16) != 0) w.Field("target_btf_id"u8).UInt(U32(a, 16));
                    known = 20;
                    break;
                case BPF_TRACE_ITER:
                    w.Field("iter_info"u8);
                    Printers.Array(ref c, U64(a, 16), U32(a, 24), static (ref DecodeContext c, in uint mapFd) =>
                    {
                        c.Out.BeginStruct().Field("map"u8).BeginStruct().Field("map_fd"u8);
                        Args.FdValue(ref c, (int)mapFd, c.Out);
                        c.Out.EndStruct().EndStruct();
                    });
                    w.Field("iter_info_len"u8).UInt(U32(a, 24));
                    known = 28;
                    break;
                case BPF_PERF_EVENT:
                    w.Field("perf_event"u8).BeginStruct().Field("bpf_cookie"u8).Hex(U64(a, 16)).EndStruct();
                    known = 24;
                    break;
                case BPF_TRACE_KPROBE_MULTI:
                    uint count = U32(a, 20);
                    w.Field("kprobe_multi"u8).BeginStruct().Field("flags"u8);
                    BpfConstants.KprobeMultiFlags.Print(w, U32(a, 16));
                    w.Field("cnt"u8).UInt(count).Field("syms"u8);
                    Printers.Array(ref c, U64(a, 24), count, static (ref DecodeContext c, in ulong sym) => Printers.String(ref c, sym));
                    w.Field("addrs"u8);
                    Printers.Array(ref c, U64(a, 32), count, static (ref DecodeContext c, in ulong addr) => c.Out.Hex(addr));
                    w.Field("cookies"u8);
                    Printers.Array(ref c, U64(a, 40), count, static (ref DecodeContext c, in ulong cookie) => c.Out.Hex(cookie));
                    w.EndStruct();
                    break;
                default:
                    known = 16;
                    break;
            }
        }
        w.EndStruct();
        return known;
    }
}
