using System.Text.RegularExpressions;
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

    [NeedsTheory("kvm", Workloads.Strace, Workloads.Gcc)]
    [MemberData(nameof(OptionSets))]
    public void Kvm_ioctls_print_as_strace_prints_them(string options)
    {
        string program = CPrograms.Path("kvmrun");
        var strace = Runner.Run("strace", [.. options.Split(' '), program]);
        var syscope = SyscopeCli.Run(["trace", .. options.Split(' '), program]);
        output.WriteLine(syscope.Stderr);
        Assert.Equal(0, strace.ExitCode);
        Assert.Equal((strace.ExitCode, Mask(strace.Stderr)), (syscope.ExitCode, Mask(syscope.Stderr)));
    }

    /// <summary>Besides pids and addresses, CPUID leaf 1's ebx, whose top byte is the APIC id of the
    /// CPU that KVM_GET_SUPPORTED_CPUID ran on.</summary>
    private static string Mask(string trace) =>
        Regex.Replace(StraceOptionsTests.Mask(trace), @"(\{function=0x1, index=0, flags=0, eax=0x[0-9a-f]+, ebx=)0x[0-9a-f]+", "$1EBX");

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
