using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding.Ioctls;

/// <summary>ioctl requests of type KVMIO (0xae) on /dev/kvm, a VM and a vcpu descriptor, as strace
/// 6.1 decodes them (x86_64): the structures a VMM sets up a vcpu with, descriptors returned by
/// KVM_CREATE_VM and KVM_CREATE_VCPU, and with -e kvm=vcpu why each KVM_RUN came back
/// ("= 0 (KVM_EXIT_IO)"), read from the kvm_run structure the vcpu descriptor maps.</summary>
internal sealed class KvmIoctls : IoctlFamily
{
    private const uint CREATE_VM = 0xae01, CHECK_EXTENSION = 0xae03, CREATE_VCPU = 0xae41, RUN = 0xae80;
    private const uint GET_SUPPORTED_CPUID = 0xc008ae05, GET_EMULATED_CPUID = 0xc008ae09, SET_CPUID2 = 0x4008ae90;
    private const uint SET_USER_MEMORY_REGION = 0x4020ae46;
    private const uint GET_REGS = 0x8090ae81, SET_REGS = 0x4090ae82, GET_SREGS = 0x8138ae83, SET_SREGS = 0x4138ae84;

    /// <summary>KVMIO.</summary>
    public override ReadOnlySpan<byte> Types => [0xae];

    public override IoctlArg Entry(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        switch (cmd)
        {
            case GET_REGS or GET_SREGS or GET_SUPPORTED_CPUID or GET_EMULATED_CPUID: return IoctlArg.AtExit;
            // The result is a descriptor, or for KVM_RUN the exit reason follows it.
            case CREATE_VM or RUN: c.Out.Sep().Hex(arg); return IoctlArg.Continues;
            case CREATE_VCPU: c.Out.Sep().UInt((uint)arg); return IoctlArg.Continues;
            case CHECK_EXTENSION: c.Out.Sep(); KvmConstants.Capabilities.Print(c.Out, arg); return IoctlArg.Done;
            case SET_USER_MEMORY_REGION: c.Out.Sep(); MemoryRegion(ref c, arg); return IoctlArg.Done;
            case SET_REGS: c.Out.Sep(); Regs(ref c, arg); return IoctlArg.Done;
            case SET_SREGS: c.Out.Sep(); Sregs(ref c, arg); return IoctlArg.Done;
            case SET_CPUID2: c.Out.Sep(); Cpuid(ref c, arg); return IoctlArg.Done;
            default: return IoctlArg.Unknown;
        }
    }

    public override void Exit(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        switch (cmd)
        {
            case CREATE_VM or CREATE_VCPU: c.ReturnFormat = Syscalls.ReturnFormat.Fd; return;
            case RUN: if (c.Options.KvmExits && !c.Failed) ExitReason(ref c, c.IntArg(0)); return;
        }
        // The argument printed at exit (Ioctl has started it).
        if (c.Failed) { c.Out.Ptr(arg); return; }
        if (cmd == GET_REGS) Regs(ref c, arg);
        else if (cmd == GET_SREGS) Sregs(ref c, arg);
        else Cpuid(ref c, arg);
    }

    /// <summary>The vcpu's exit reason, as strace finds it: the descriptor must be a vcpu's
    /// ("anon_inode:kvm-vcpu:N") that the process has mapped; nothing is said otherwise.</summary>
    private static void ExitReason(ref DecodeContext c, int fd)
    {
        if (c.FdPaths == null) return;
        Span<byte> path = stackalloc byte[64];
        int n = c.FdPaths.PathOf(c.Pid, fd, path);
        if (n <= 0 || n > path.Length) return;
        var target = path[..n];
        var prefix = "anon_inode:kvm-vcpu:"u8;
        if (!target.StartsWith(prefix) || !uint.TryParse(target[prefix.Length..], out _)) return;
        // The backend may have been told the reason as KVM_RUN returned (eBPF, whose lines come
        // after the fact, when the process and its mappings may be gone); else kvm_run says it.
        if (c.KvmExitReason is not uint reason)
        {
            if (!c.FdPaths.TryFindMapping(c.Pid, target, out ulong start, out ulong length)) return;
            Span<byte> head = stackalloc byte[Unsafe.SizeOf<KvmRunHead>()];
            if (length < (ulong)head.Length || c.Memory.Read(start, head) != head.Length) return;
            reason = MemoryMarshal.Read<KvmRunHead>(head).ExitReason;
        }
        c.Aux.Raw(KvmConstants.ExitReasons.TryName(reason, out var name) ? name : "KVM_EXIT_???"u8);
    }

    private static void MemoryRegion(ref DecodeContext c, ulong addr)
    {
        if (!Printers.TryRead(ref c, addr, out KvmUserspaceMemoryRegion r)) { c.Out.Ptr(addr); return; }
        var w = c.Out;
        w.BeginStruct().Field("slot"u8).UInt(r.Slot).Field("flags"u8);
        KvmConstants.MemoryFlags.Print(w, r.Flags);
        w.Field("guest_phys_addr"u8).Hex(r.GuestPhysAddr).Field("memory_size"u8).UInt(r.MemorySize)
            .Field("userspace_addr"u8).Hex(r.UserspaceAddr).EndStruct();
    }

    /// <summary>struct kvm_regs; abbreviated, only rax, rsp, rbp, rip and rflags, as strace shows them.</summary>
    private static void Regs(ref DecodeContext c, ulong addr)
    {
        if (!Printers.TryRead(ref c, addr, out KvmRegs r)) { c.Out.Ptr(addr); return; }
        var w = c.Out;
        bool all = c.Unabbreviated;
        w.BeginStruct().Field("rax"u8).Hex(r.Rax);
        if (all)
            w.Field("rbx"u8).Hex(r.Rbx).Field("rcx"u8).Hex(r.Rcx).Field("rdx"u8).Hex(r.Rdx)
                .Field("rsi"u8).Hex(r.Rsi).Field("rdi"u8).Hex(r.Rdi);
        else w.Raw(", ..."u8);
        w.Field("rsp"u8).Hex(r.Rsp).Field("rbp"u8).Hex(r.Rbp);
        if (all)
            w.Field("r8"u8).Hex(r.R8).Field("r9"u8).Hex(r.R9).Field("r10"u8).Hex(r.R10).Field("r11"u8).Hex(r.R11)
                .Field("r12"u8).Hex(r.R12).Field("r13"u8).Hex(r.R13).Field("r14"u8).Hex(r.R14).Field("r15"u8).Hex(r.R15);
        else w.Raw(", ..."u8);
        w.Field("rip"u8).Hex(r.Rip).Field("rflags"u8).Hex(r.Rflags).EndStruct();
    }

    /// <summary>struct kvm_sregs; abbreviated, cs alone.</summary>
    private static unsafe void Sregs(ref DecodeContext c, ulong addr)
    {
        if (!Printers.TryRead(ref c, addr, out KvmSregs s)) { c.Out.Ptr(addr); return; }
        var w = c.Out;
        w.BeginStruct().Field("cs"u8);
        Segment(w, in s.Cs);
        if (!c.Unabbreviated) { w.EndStruct(abbreviated: true); return; }
        w.Field("ds"u8); Segment(w, in s.Ds);
        w.Field("es"u8); Segment(w, in s.Es);
        w.Field("fs"u8); Segment(w, in s.Fs);
        w.Field("gs"u8); Segment(w, in s.Gs);
        w.Field("ss"u8); Segment(w, in s.Ss);
        w.Field("tr"u8); Segment(w, in s.Tr);
        w.Field("ldt"u8); Segment(w, in s.Ldt);
        w.Field("gdt"u8); Table(w, in s.Gdt);
        w.Field("idt"u8); Table(w, in s.Idt);
        w.Field("cr0"u8).UInt(s.Cr0).Field("cr2"u8).UInt(s.Cr2).Field("cr3"u8).UInt(s.Cr3).Field("cr4"u8).UInt(s.Cr4)
            .Field("cr8"u8).UInt(s.Cr8).Field("efer"u8).UInt(s.Efer).Field("apic_base"u8).Hex(s.ApicBase)
            .Field("interrupt_bitmap"u8).Raw((byte)'[');
        for (int i = 0; i < 4; i++)
        {
            if (i > 0) w.Raw(", "u8);
            w.Hex(s.InterruptBitmap[i]);
        }
        w.Raw((byte)']').EndStruct();
    }

    private static void Segment(ArgWriter w, in KvmSegment s) =>
        w.BeginStruct().Field("base"u8).Hex(s.Base).Field("limit"u8).UInt(s.Limit).Field("selector"u8).UInt(s.Selector)
            .Field("type"u8).UInt(s.Type).Field("present"u8).UInt(s.Present).Field("dpl"u8).UInt(s.Dpl)
            .Field("db"u8).UInt(s.Db).Field("s"u8).UInt(s.S).Field("l"u8).UInt(s.L).Field("g"u8).UInt(s.G)
            .Field("avl"u8).UInt(s.Avl).EndStruct();

    private static void Table(ArgWriter w, in KvmDtable t) =>
        w.BeginStruct().Field("base"u8).Hex(t.Base).Field("limit"u8).UInt(t.Limit).EndStruct();

    /// <summary>struct kvm_cpuid2: nent, then its entries (all of them with -v, "[...]" otherwise).</summary>
    private static void Cpuid(ref DecodeContext c, ulong addr)
    {
        if (!Printers.TryRead(ref c, addr, out KvmCpuid2 head)) { c.Out.Ptr(addr); return; }
        c.Out.BeginStruct().Field("nent"u8).UInt(head.Nent).Field("entries"u8);
        if (!c.Unabbreviated) c.Out.Raw(head.Nent > 0 ? "[...]"u8 : "[]"u8);
        else Printers.Array(ref c, addr + 8, head.Nent, static (ref DecodeContext c, in KvmCpuidEntry2 e) => Entry(c.Out, in e));
        c.Out.EndStruct();
    }

    private static void Entry(ArgWriter w, in KvmCpuidEntry2 e)
    {
        w.BeginStruct().Field("function"u8).Hex(e.Function).Field("index"u8).Hex(e.Index).Field("flags"u8);
        KvmConstants.CpuidFlags.Print(w, e.Flags);
        w.Field("eax"u8).Hex(e.Eax).Field("ebx"u8).Hex(e.Ebx).Field("ecx"u8).Hex(e.Ecx).Field("edx"u8).Hex(e.Edx).EndStruct();
    }
}
