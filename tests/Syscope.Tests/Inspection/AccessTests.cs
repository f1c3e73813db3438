using System.Diagnostics;
using Syscope.Inspection;
using Syscope.Inspection.Why;
using Xunit;
using Syscope.Tracing;

namespace Syscope.Tests.Inspection;

/// <summary>What the user sees when the process is not theirs, or is gone.</summary>
public sealed class AccessTests : IDisposable
{
    private readonly LiveProcesses _live = new();

    [InspectionFact("runuser", "dotnet")]
    public void An_unprivileged_user_is_told_which_file_and_that_root_is_needed()
    {
        var target = _live.Start("sleep", "3003");
        // The CLI as user nobody, through the test's own framework-dependent runtime config.
        string bin = AppContext.BaseDirectory;
        var psi = new ProcessStartInfo("runuser") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-u", "nobody", "--", "env", "HOME=/tmp", "DOTNET_CLI_HOME=/tmp", Machine.Find("dotnet")!,
            "exec", "--runtimeconfig", Path.Combine(bin, "Syscope.Tests.runtimeconfig.json"), "--depsfile", Path.Combine(bin, "Syscope.Tests.deps.json"),
            Path.Combine(bin, "syscope.dll"), "why", target.Id.ToString() })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(1, p.ExitCode);
        Assert.Equal($"syscope: cannot read /proc/{target.Id}/fd: permission denied (inspecting another user's process needs root)\n", error);
    }

    [InspectionFact]
    public void A_process_that_exits_before_inspection_gives_a_plain_message()
    {
        var gone = _live.Start("true");
        gone.WaitForExit();
        var entry = new ProcessEntry(gone.Id, "true", "true", 0, 'Z', 1, 0);
        var e = Assert.Throws<UserError>(() => Diagnoser.Run(entry));
        Assert.Equal($"process {gone.Id} exited while being inspected", e.Message);
    }

    public void Dispose() => _live.Dispose();
}
