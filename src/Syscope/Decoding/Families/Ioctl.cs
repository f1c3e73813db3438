using Syscope.Decoding.Constants;
using Syscope.Decoding.Ioctls;

namespace Syscope.Decoding.Families;

/// <summary>ioctl: the request by name (every name its number has, from the generated table, or in
/// its family's own form), else as _IOC(dir, type, nr, size); the argument as the request's family
/// decodes it, else in hex.</summary>
internal sealed class Ioctl : SyscallDecoder
{
    private static readonly IoctlFamily?[] ByType = Build(
        new TerminalIoctls(), new FileIoctls(), new RandomIoctls(), new WatchdogIoctls(), new InotifyIoctls(),
        new CounterIoctls(), new KvmIoctls(), new HdioIoctls(), new NsfsIoctls(), new EvdevIoctls(), new GpioIoctls(), new SeccompIoctls(), new RtcIoctls(),
        new LircIoctls(), new KdIoctls(), new SockIoctls(),
        new PtpIoctls(), new LoopIoctls(), new BlockIoctls(), new NbdIoctls(), new UffdIoctls(), new UbiIoctls(), new MtdIoctls(),
        new ScsiIoctls(), new HiddevIoctls(), new TeeIoctls(), new DmIoctls(), new V4l2Ioctls(),
        new PerfIoctls());

    private static IoctlFamily?[] Build(params IoctlFamily[] families)
    {
        var byType = new IoctlFamily?[256];
        foreach (var f in families)
            foreach (var t in f.Types) byType[t] = f;
        return byType;
    }

    /// <summary>Scratch.C: what exit has to print.</summary>
    private const int AtExit = 1, Continues = 2;

    public override void Entry(ref DecodeContext c)
    {
        Args.Fd(ref c, 0);
        c.Out.Sep();
        uint cmd = (uint)c.Arg(1);
        var family = ByType[IoctlFamily.Type(cmd)];
        PrintRequest(c.Out, cmd, family);
        c.Scratch.C = 0;
        switch (family?.Entry(ref c, cmd) ?? IoctlArg.Unknown)
        {
            case IoctlArg.Unknown: Args.Hex(ref c, 2); return;
            case IoctlArg.AtExit: c.Scratch.C = AtExit; c.Out.SepAhead(); return;
            case IoctlArg.Continues: c.Scratch.C = Continues; return;
        }
    }

    public override void Exit(ref DecodeContext c)
    {
        if (c.Scratch.C == 0) return;
        uint cmd = (uint)c.Arg(1);
        // An argument printed at exit was started by the ", " entry wrote ahead (ArgWriter.BeginExit);
        // one that continues (" => {...}", a note on the result) is not an argument of its own.
        ByType[IoctlFamily.Type(cmd)]!.Exit(ref c, cmd);
    }

    /// <summary>The request: for --json a constant whose name is the whole text (every name its
    /// number has, joined by " or " as strace writes them), or the number when it has no name.</summary>
    private static void PrintRequest(ArgWriter w, uint cmd, IoctlFamily? family)
    {
        bool inComment = w.Style == ConstStyle.Verbose;
        var mark = w.BeginConst();
        if (family != null && family.PrintRequest(w, cmd, inComment))
        {
            if (IoctlNames.First(cmd) >= 0) { w.Raw(" or "u8); IoctlNames.Print(w, cmd); }
        }
        else if (!IoctlNames.Print(w, cmd))
        {
            Ioc(w, cmd);
            w.EndConst(mark, cmd);
            return;
        }
        w.EndNamedConst(mark, cmd);
    }

    /// <summary>An unnamed request split into its _IOC fields (&lt;asm-generic/ioctl.h&gt;).</summary>
    private static void Ioc(ArgWriter w, uint cmd)
    {
        w.Raw("_IOC("u8);
        w.Raw(IoctlFamily.Dir(cmd) switch { 0 => "_IOC_NONE"u8, 1 => "_IOC_WRITE"u8, 2 => "_IOC_READ"u8, _ => "_IOC_READ|_IOC_WRITE"u8 });
        w.Raw(", "u8).Hex(IoctlFamily.Type(cmd)).Raw(", "u8).Hex(IoctlFamily.Nr(cmd)).Raw(", "u8).Hex(IoctlFamily.Size(cmd)).Raw((byte)')');
    }
}
