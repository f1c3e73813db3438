using Syscope.Inspection;
using Syscope.Inspection.Why;
using Syscope.Tests.Infrastructure;
using Syscope.Tracing;
using Xunit;

namespace Syscope.Tests.Inspection;

/// <summary>What the user sees when the process is not theirs, or is gone.</summary>
public sealed class AccessTests : IDisposable
{
    private readonly LiveProcesses _live = new();

    [NeedsFact("root", "setpriv")]
    public void An_unprivileged_user_is_told_which_file_and_that_root_is_needed()
    {
        var target = _live.Start("sleep", "3003");
        var r = Runner.Run("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", SyscopeCli.Executable, "why", target.Id.ToString()]);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"syscope: cannot read /proc/{target.Id}/fd: permission denied (inspecting another user's process needs root)\n", r.Stderr);
    }

    [NeedsFact("root")]
    public void A_process_that_exits_before_inspection_gives_a_plain_message()
    {
        var gone = _live.Start("true");
        gone.AssertExits();
        var entry = new ProcessEntry(gone.Id, "true", "true", 0, 'Z', 1, 0);
        var e = Assert.Throws<UserError>(() => Diagnoser.Run(entry));
        Assert.Equal($"process {gone.Id} exited while being inspected", e.Message);
    }

    public void Dispose() => _live.Dispose();
}
