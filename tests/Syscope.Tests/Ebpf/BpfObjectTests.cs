using Syscope.Tests.Infrastructure;
using Syscope.Tracing.Ebpf;

namespace Syscope.Tests.Ebpf;

/// <summary>The committed BPF object is what its sources compile to, and it is what the binary embeds.</summary>
public class BpfObjectTests
{
    private static readonly string Committed = Path.Combine(SyscopeCli.RepoRoot, "src/Syscope/Bpf/syscope.bpf.o");

    [Fact]
    public void TheCommittedObjectMatchesItsSources()
    {
        // With the clang that built it, a byte-for-byte rebuild; otherwise the sources' hash.
        var r = Runner.Run("bash", [Path.Combine(SyscopeCli.RepoRoot, "tools/build-bpf.sh"), "--check"]);
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
    }

    [Fact]
    public void TheBinaryEmbedsTheCommittedObject()
    {
        Assert.Equal(File.ReadAllBytes(Committed), BpfProbe.ObjectBytes());
    }
}
