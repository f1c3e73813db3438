using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding.Ioctls;

/// <summary>&lt;linux/userfaultfd.h&gt; requests (type 0xaa): the API handshake, registering and
/// waking ranges, and the copies and zeroed pages that resolve faults, each with what the kernel
/// wrote back after a success (features, allowed requests, bytes done).</summary>
internal sealed class UffdIoctls : IoctlFamily
{
    private const uint REGISTER = 0xc020aa00, UNREGISTER = 0x8010aa01, WAKE = 0x8010aa02, COPY = 0xc028aa03;
    private const uint ZEROPAGE = 0xc020aa04, API = 0xc018aa3f;


    public override ReadOnlySpan<byte> Types => [0xaa];

    public override IoctlArg Entry(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        var w = c.Out;
        switch (cmd)
        {
            case API:
                w.Sep();
                if (!IoctlArgs.Read(ref c, arg, out UffdioApi api)) return IoctlArg.Done;
                w.BeginStruct().Field("api"u8).Hex(api.Api).Field("features"u8);
                UffdConstants.Features.Print(w, api.Features);
                // strace shows the features again at exit only when the kernel changed them.
                c.Scratch.A = (long)api.Features;
                return IoctlArg.Continues;
            case REGISTER or ZEROPAGE:
                w.Sep();
                if (!IoctlArgs.Read(ref c, arg, out UffdioRegister r)) return IoctlArg.Done;
                w.BeginStruct().Field("range"u8);
                Range(w, r.Range);
                w.Field("mode"u8);
                (cmd == REGISTER ? UffdConstants.RegisterModes : UffdConstants.ZeropageModes).Print(w, r.Mode);
                return IoctlArg.Continues;
            case COPY:
                w.Sep();
                if (!IoctlArgs.Read(ref c, arg, out UffdioCopy copy)) return IoctlArg.Done;
                w.BeginStruct().Field("dst"u8).Hex(copy.Dst).Field("src"u8).Hex(copy.Src).Field("len"u8).Hex(copy.Len)
                    .Field("mode"u8);
                UffdConstants.CopyModes.Print(w, copy.Mode);
                return IoctlArg.Continues;
            case WAKE or UNREGISTER:
                w.Sep();
                if (IoctlArgs.Read(ref c, arg, out UffdioRange range)) Range(w, range);
                return IoctlArg.Done;
            default: return IoctlArg.Unknown;
        }
    }

    public override void Exit(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        var w = c.Out;
        if (!c.Failed)
        {
            switch (cmd)
            {
                case API when Printers.TryRead(ref c, arg, out UffdioApi api):
                    if (api.Features != (ulong)c.Scratch.A)
                    {
                        w.Raw(" => features="u8);
                        UffdConstants.Features.Print(w, api.Features);
                    }
                    w.Field("ioctls"u8);
                    UffdConstants.ApiRequests.Print(w, api.Ioctls);
                    break;
                case REGISTER when Printers.TryRead(ref c, arg, out UffdioRegister r):
                    w.Field("ioctls"u8);
                    UffdConstants.RangeRequests.Print(w, r.Ioctls);
                    break;
                case ZEROPAGE when Printers.TryRead(ref c, arg, out UffdioRegister z):
                    w.Field("zeropage"u8).Hex((ulong)z.Ioctls);
                    break;
                case COPY when Printers.TryRead(ref c, arg, out UffdioCopy copy):
                    w.Field("copy"u8).Hex((ulong)copy.Copy);
                    break;
            }
        }
        w.EndStruct();
    }

    private static void Range(ArgWriter w, in UffdioRange r) =>
        w.BeginStruct().Field("start"u8).Hex(r.Start).Field("len"u8).Hex(r.Len).EndStruct();
}
