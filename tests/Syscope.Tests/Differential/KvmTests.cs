using Syscope.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Syscope.Tests.Differential;

/// <summary>
/// The KVM ioctls and -e kvm=vcpu against Debian's strace: Programs/kvmrun.c makes a virtual
/// machine whose one vcpu writes a byte to an I/O port and halts, so each KVM_RUN returns with
/// another exit reason, read from the kvm_run structure the vcpu descriptor maps.
/// </summary>
public class KvmTests(ITestOutputHelper output)
{
    public static TheoryData<string> OptionSets() =>
    [
        "-e kvm=vcpu -e trace=ioctl -y", "--kvm=vcpu -e trace=ioctl", "-e trace=ioctl -y", "-v -e kvm=vcpu -e trace=ioctl -y",
        "-e kvm=vcpu -X raw -e trace=ioctl", "-e kvm=vcpu -X verbose -e trace=ioctl", "-e kvm=vcpu -e verbose=none -e trace=ioctl",
        "-f -e kvm=vcpu -e trace=ioctl,exit_group -a36 -y",
    ];

    [NeedsTheory("kvm", Workloads.Strace, Workloads.Gcc, "taskset")]
    [MemberData(nameof(OptionSets))]
    public void Kvm_ioctls_print_as_strace_prints_them(string options)
    {
        string program = CPrograms.Path("kvmrun");
        // On one CPU: KVM_GET_SUPPORTED_CPUID reports the APIC id of the CPU it ran on (leaves 0x1, 0xb).
        var strace = Runner.Run("taskset", ["-c", "0", "strace", .. options.Split(' '), program]);
        var syscope = Runner.Run("taskset", ["-c", "0", SyscopeCli.Executable, "trace", .. options.Split(' '), program]);
        output.WriteLine(syscope.Stderr);
        Assert.Equal(0, strace.ExitCode);
        Assert.Equal((strace.ExitCode, StraceOptionsTests.Mask(strace.Stderr)), (syscope.ExitCode, StraceOptionsTests.Mask(syscope.Stderr)));
    }

    /// <summary>Under --ebpf the reason comes from KVM's kvm_userspace_exit tracepoint, attached
    /// only for -e kvm=vcpu, and the structures from the kernel's copies: every line as strace's
    /// (kvm_sregs, larger than the window other ioctls get, is copied as large as its request says;
    /// the descriptors KVM_CREATE_VM and KVM_CREATE_VCPU make are named under -y; with -f, KVM's
    /// worker thread, which ptrace never sees, adds no exit line).  Except, under -v, the cpuid
    /// entries past the window (KVM_GET_SUPPORTED_CPUID's 75 of them, 3 KB): their lines are left out.</summary>
    [NeedsTheory("kvm", "ebpf", Workloads.Strace, Workloads.Gcc, "taskset")]
    [MemberData(nameof(OptionSets))]
    public void Kvm_lines_under_ebpf_are_straces(string options)
    {
        string program = CPrograms.Path("kvmrun");
        var strace = Runner.Run("taskset", ["-c", "0", "strace", .. options.Split(' '), program]);
        var syscope = Runner.Run("taskset", ["-c", "0", SyscopeCli.Executable, "trace", "--ebpf", .. options.Split(' '), program]);
        output.WriteLine(syscope.Stderr);
        bool verbose = options.StartsWith("-v ");
        string Lines(string trace) => string.Concat(StraceOptionsTests.Mask(trace).Split('\n')
            .Where(l => !(verbose && l.Contains("{nent=")) && l.Length > 0).Select(l => l + "\n"));
        Assert.Equal(0, strace.ExitCode);
        // KVM_RUN is 0xae80 under -X raw.
        Assert.Equal(2, Lines(strace.Stderr).Split('\n').Count(l => l.Contains("KVM_RUN") || l.Contains(", 0xae80")));
        Assert.Equal((strace.ExitCode, Lines(strace.Stderr)), (syscope.ExitCode, Lines(syscope.Stderr)));
    }

    [NeedsFact("kvm", "ebpf", Workloads.Gcc)]
    public void Each_KVM_RUN_under_ebpf_says_why_the_vcpu_exited()
    {
        var r = SyscopeCli.Run("trace", "--ebpf", "-e", "kvm=vcpu", "-e", "trace=ioctl", "-y", CPrograms.Path("kvmrun"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("ioctl(5<anon_inode:kvm-vcpu:0>, KVM_RUN, 0) = 0 (KVM_EXIT_IO)\n" +
            "ioctl(5<anon_inode:kvm-vcpu:0>, KVM_RUN, 0) = 0 (KVM_EXIT_HLT)\n+++ exited with 0 +++\n", r.Stderr);
        Assert.DoesNotContain("(KVM_EXIT", SyscopeCli.Run("trace", "--ebpf", "-e", "trace=ioctl", CPrograms.Path("kvmrun")).Stderr);
    }

    /// <summary>The exit reasons themselves, so the comparison above cannot pass on two empty traces.</summary>
    [NeedsFact("kvm", Workloads.Gcc)]
    public void Each_KVM_RUN_says_why_the_vcpu_exited()
    {
        var r = SyscopeCli.Run("trace", "-e", "kvm=vcpu", "-e", "trace=ioctl", "-y", CPrograms.Path("kvmrun"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("ioctl(5<anon_inode:kvm-vcpu:0>, KVM_RUN, 0) = 0 (KVM_EXIT_IO)\n" +
            "ioctl(5<anon_inode:kvm-vcpu:0>, KVM_RUN, 0) = 0 (KVM_EXIT_HLT)\n+++ exited with 0 +++\n", r.Stderr);
        Assert.DoesNotContain("(KVM_EXIT", SyscopeCli.Run("trace", "-e", "trace=ioctl", CPrograms.Path("kvmrun")).Stderr);
    }

    [Fact]
    public void Kvm_takes_only_vcpu()
    {
        var r = SyscopeCli.Run("trace", "-e", "kvm=all", "true");
        Assert.Equal((1, "syscope: invalid -e kvm= argument: 'all'\n"), (r.ExitCode, r.Stderr));
    }
}
