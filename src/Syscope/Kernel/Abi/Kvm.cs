using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

/// <summary>KVM_SET_USER_MEMORY_REGION's argument: guest memory backed by the VMM's own.</summary>
[CLayout("struct kvm_userspace_memory_region", "linux/kvm.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct KvmUserspaceMemoryRegion
{
    [CField("slot")] public uint Slot;
    [CField("flags")] public uint Flags;
    [CField("guest_phys_addr")] public ulong GuestPhysAddr;
    [CField("memory_size")] public ulong MemorySize;
    [CField("userspace_addr")] public ulong UserspaceAddr;
}

/// <summary>KVM_GET_REGS / KVM_SET_REGS: a vcpu's general registers (x86_64).</summary>
[CLayout("struct kvm_regs", "linux/kvm.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct KvmRegs
{
    [CField("rax")] public ulong Rax;
    [CField("rbx")] public ulong Rbx;
    [CField("rcx")] public ulong Rcx;
    [CField("rdx")] public ulong Rdx;
    [CField("rsi")] public ulong Rsi;
    [CField("rdi")] public ulong Rdi;
    [CField("rsp")] public ulong Rsp;
    [CField("rbp")] public ulong Rbp;
    [CField("r8")] public ulong R8;
    [CField("r9")] public ulong R9;
    [CField("r10")] public ulong R10;
    [CField("r11")] public ulong R11;
    [CField("r12")] public ulong R12;
    [CField("r13")] public ulong R13;
    [CField("r14")] public ulong R14;
    [CField("r15")] public ulong R15;
    [CField("rip")] public ulong Rip;
    [CField("rflags")] public ulong Rflags;
}

/// <summary>One segment register of struct kvm_sregs.</summary>
[CLayout("struct kvm_segment", "linux/kvm.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct KvmSegment
{
    [CField("base")] public ulong Base;
    [CField("limit")] public uint Limit;
    [CField("selector")] public ushort Selector;
    [CField("type")] public byte Type;
    [CField("present")] public byte Present;
    [CField("dpl")] public byte Dpl;
    [CField("db")] public byte Db;
    [CField("s")] public byte S;
    [CField("l")] public byte L;
    [CField("g")] public byte G;
    [CField("avl")] public byte Avl;
    [CField("unusable")] public byte Unusable;
    private byte _padding;
}

/// <summary>A descriptor table register (GDTR, IDTR) of struct kvm_sregs.</summary>
[CLayout("struct kvm_dtable", "linux/kvm.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct KvmDtable
{
    [CField("base")] public ulong Base;
    [CField("limit")] public ushort Limit;
    private ushort _padding0, _padding1, _padding2;
}

/// <summary>KVM_GET_SREGS / KVM_SET_SREGS: a vcpu's special registers (x86_64).</summary>
[CLayout("struct kvm_sregs", "linux/kvm.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct KvmSregs
{
    [CField("cs")] public KvmSegment Cs;
    [CField("ds")] public KvmSegment Ds;
    [CField("es")] public KvmSegment Es;
    [CField("fs")] public KvmSegment Fs;
    [CField("gs")] public KvmSegment Gs;
    [CField("ss")] public KvmSegment Ss;
    [CField("tr")] public KvmSegment Tr;
    [CField("ldt")] public KvmSegment Ldt;
    [CField("gdt")] public KvmDtable Gdt;
    [CField("idt")] public KvmDtable Idt;
    [CField("cr0")] public ulong Cr0;
    [CField("cr2")] public ulong Cr2;
    [CField("cr3")] public ulong Cr3;
    [CField("cr4")] public ulong Cr4;
    [CField("cr8")] public ulong Cr8;
    [CField("efer")] public ulong Efer;
    [CField("apic_base")] public ulong ApicBase;
    [CField("interrupt_bitmap")] public fixed ulong InterruptBitmap[4];
}

/// <summary>KVM_GET_SUPPORTED_CPUID / KVM_SET_CPUID2's header; nent entries follow it.</summary>
[CLayout("struct kvm_cpuid2", "linux/kvm.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct KvmCpuid2
{
    [CField("nent")] public uint Nent;
    private uint _padding;
}

/// <summary>One CPUID leaf of struct kvm_cpuid2.</summary>
[CLayout("struct kvm_cpuid_entry2", "linux/kvm.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct KvmCpuidEntry2
{
    [CField("function")] public uint Function;
    [CField("index")] public uint Index;
    [CField("flags")] public uint Flags;
    [CField("eax")] public uint Eax;
    [CField("ebx")] public uint Ebx;
    [CField("ecx")] public uint Ecx;
    [CField("edx")] public uint Edx;
    private fixed uint _padding[3];
}

/// <summary>The head of the kvm_run structure a vcpu descriptor maps: why KVM_RUN returned.</summary>
[CLayout("struct kvm_run", "linux/kvm.h", Size = "offsetof(struct kvm_run, cr8)")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct KvmRunHead
{
    [CField("request_interrupt_window")] public byte RequestInterruptWindow;
    [CField("immediate_exit")] public byte ImmediateExit;
    private fixed byte _padding1[6];
    [CField("exit_reason")] public uint ExitReason;
    [CField("ready_for_interrupt_injection")] public byte ReadyForInterruptInjection;
    [CField("if_flag")] public byte IfFlag;
    [CField("flags")] public ushort Flags;
}
