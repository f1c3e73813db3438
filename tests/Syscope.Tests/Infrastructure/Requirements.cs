namespace Syscope.Tests.Infrastructure;

/// <summary>A fact that needs something this machine may lack; it says which, instead of passing quietly.</summary>
public sealed class NeedsFactAttribute : FactAttribute
{
    public NeedsFactAttribute(params string[] commands) => Skip = MissingReason(commands);

    /// <summary>Why a test cannot run here, or null when it can.</summary>
    public static string? MissingReason(string[] commands)
    {
        foreach (var c in commands)
            if (!OnPath(c)) return $"needs '{c}' on PATH (install it, as .ci/run does)";
        return commands.Contains("root") && Environment.UserName != "root" ? "needs root" : null;
    }

    public static bool OnPath(string command) =>
        command == "root" || (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Any(d => File.Exists(System.IO.Path.Combine(d, command)));
}

/// <summary>A theory that needs something this machine may lack, like <see cref="NeedsFactAttribute"/>.</summary>
public sealed class NeedsTheoryAttribute : TheoryAttribute
{
    public NeedsTheoryAttribute(params string[] commands) => Skip = NeedsFactAttribute.MissingReason(commands);
}
