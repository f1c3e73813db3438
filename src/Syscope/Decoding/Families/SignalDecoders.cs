using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>Signal calls: handlers, masks, sending, waiting, alternate stacks.</summary>
internal static class SignalDecoders
{
    public static void Register(DecoderTable d)
    {
        d[Sys.rt_sigaction] = new FuncDecoder((ref DecodeContext c) =>
        {
            SignalArg(ref c, 0);
            c.Out.Sep();
            SignalPrinters.Sigaction(ref c, c.Arg(1));
        }, (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed) c.Out.Ptr(c.Arg(2)); else SignalPrinters.Sigaction(ref c, c.Arg(2));
            Args.ULong(ref c, 3);
        });
        d[Sys.rt_sigprocmask] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Value(ref c, 0, SignalConstants.MaskHow);
            c.Out.Sep();
            SignalPrinters.Set(ref c, c.Arg(1), c.Arg(3));
        }, (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed) c.Out.Ptr(c.Arg(2)); else SignalPrinters.Set(ref c, c.Arg(2), c.Arg(3));
            Args.ULong(ref c, 3);
        });
        d[Sys.rt_sigpending] = new FuncDecoder(Nothing, (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed) c.Out.Ptr(c.Arg(0)); else SignalPrinters.Set(ref c, c.Arg(0), c.Arg(1), minSize: 1);
            Args.ULong(ref c, 1);
        });
        d[Sys.rt_sigsuspend] = new FuncDecoder((ref DecodeContext c) =>
        {
            c.Out.Sep();
            SignalPrinters.Set(ref c, c.Arg(0), c.Arg(1));
            Args.ULong(ref c, 1);
        });
        d[Sys.rt_sigtimedwait] = new FuncDecoder(SigtimedwaitEntry, SigtimedwaitExit, exitArgs: false);
        d[Sys.rt_sigreturn] = new FuncDecoder(SigreturnEntry);
        d[Sys.kill] = new FuncDecoder((ref DecodeContext c) => { Args.ProcessOrGroup(ref c, 0); SignalArg(ref c, 1); });
        d[Sys.tkill] = new FuncDecoder((ref DecodeContext c) => { Args.Pid(ref c, 0); SignalArg(ref c, 1); });
        d[Sys.pidfd_send_signal] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Fd(ref c, 0);
            SignalArg(ref c, 1);
            c.Out.Sep();
            SiginfoPrinter.At(ref c, c.Arg(2));
            c.Out.Sep().Hex((uint)c.Arg(3));
        });
        d[Sys.rt_sigqueueinfo] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Pid(ref c, 0);
            SignalArg(ref c, 1);
            c.Out.Sep();
            SiginfoPrinter.At(ref c, c.Arg(2));
        });
        d[Sys.rt_tgsigqueueinfo] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Pid(ref c, 0);
            Args.Pid(ref c, 1);
            SignalArg(ref c, 2);
            c.Out.Sep();
            SiginfoPrinter.At(ref c, c.Arg(3));
        });
        d[Sys.tgkill] = new FuncDecoder((ref DecodeContext c) => { Args.Pid(ref c, 0); Args.Pid(ref c, 1); SignalArg(ref c, 2); });
        d[Sys.sigaltstack] = new FuncDecoder((ref DecodeContext c) => { c.Out.Sep(); Stack(ref c, c.Arg(0)); }, (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed) c.Out.Ptr(c.Arg(1)); else Stack(ref c, c.Arg(1));
        });
        d[Sys.signalfd4] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Fd(ref c, 0);
            c.Out.Sep();
            SignalPrinters.Set(ref c, c.Arg(1), c.Arg(2));
            Args.ULong(ref c, 2);
            Args.Flags(ref c, 3, DescConstants.SignalfdFlags);
        });
    }

    private static void Nothing(ref DecodeContext c) { }

    private static void SignalArg(ref DecodeContext c, int i)
    {
        c.Out.Sep();
        SignalPrinters.Signal(c.Out, c.IntArg(i));
    }

    /// <summary>offsetof(struct ucontext, uc_sigmask) on x86_64: flags, link, stack_t (24 bytes),
    /// then the 256-byte sigcontext.  (The eBPF backend copies the frame up to the mask's end.)</summary>
    internal const ulong UcSigmaskOffset = 296;

    /// <summary>The handler's "ret" popped the frame's return address, so the stack pointer is at
    /// the ucontext whose mask the kernel is about to restore.</summary>
    /// <summary>With a siginfo buffer, it and everything after wait for the exit, the timeout
    /// printed as it was given; without one, the whole call prints at entry.</summary>
    private static void SigtimedwaitEntry(ref DecodeContext c)
    {
        c.Out.Sep();
        SignalPrinters.Set(ref c, c.Arg(0), c.Arg(3));
        if (c.Arg(1) != 0)
        {
            TimePrinters.SaveTimespec(ref c, c.Arg(2));
            c.Out.SepAhead();
            return;
        }
        Args.Ptr(ref c, 1);
        c.Out.Sep();
        TimePrinters.Timespec(ref c, c.Arg(2));
        Args.ULong(ref c, 3);
    }

    private static void SigtimedwaitExit(ref DecodeContext c)
    {
        if (c.Arg(1) != 0)
        {
            c.Out.Sep();
            if (c.Failed) c.Out.Hex(c.Arg(1)); else SiginfoPrinter.At(ref c, c.Arg(1));
            c.Out.Sep();
            TimePrinters.SavedTimespec(ref c, c.Arg(2));
            Args.ULong(ref c, 3);
        }
        // The name, whatever -X says: strace writes it as plain text after the number.
        if (!c.Failed && c.ReturnValue is > 0 and <= Kernel.SignalNames.MaxSignal) c.Aux.Raw(Kernel.SignalNames.NameUtf8((int)c.ReturnValue));
    }

    private static void SigreturnEntry(ref DecodeContext c)
    {
        if (c.StackPointer == 0) return;
        ulong at = c.StackPointer + UcSigmaskOffset;
        if (c.AddressesOnly) { c.Out.Sep().BeginStruct().Field("mask"u8).Hex(at).EndStruct(); return; }
        if (!Printers.TryRead(ref c, at, out ulong mask)) return;
        SignalPrinters.SetValue(c.Out.Sep().BeginStruct().Field("mask"u8), mask);
        c.Out.EndStruct();
    }

    private static void Stack(ref DecodeContext c, ulong addr)
    {
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (!Printers.TryRead(ref c, addr, out SignalStack s)) { c.Out.Hex(addr); return; }
        c.Out.BeginStruct().Field("ss_sp"u8).Ptr(s.Sp).Field("ss_flags"u8);
        SignalConstants.StackFlags.Print(c.Out, (uint)s.Flags);
        c.Out.Field("ss_size"u8).UInt(s.Size).EndStruct();
    }
}
