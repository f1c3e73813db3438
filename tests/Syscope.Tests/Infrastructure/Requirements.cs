namespace Syscope.Tests.Infrastructure;

/// <summary>A fact that needs something this machine may lack; it says which, instead of passing quietly.</summary>
public sealed class NeedsFactAttribute : FactAttribute
{
    public NeedsFactAttribute(params string[] commands)
    {
        foreach (var c in commands)
            if (!OnPath(c)) { Skip = $"needs '{c}' on PATH (install it, as .ci/run does)"; return; }
        if (commands.Contains("root") && Environment.UserName != "root") Skip = "needs root";
    }

    public static bool OnPath(string command) =>
        command == "root" || (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Any(d => File.Exists(System.IO.Path.Combine(d, command)));
}
