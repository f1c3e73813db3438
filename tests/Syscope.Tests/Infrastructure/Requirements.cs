namespace Syscope.Tests.Infrastructure;

/// <summary>A fact that needs something this machine may lack ("root", or programs such as gcc,
/// lsof, mariadbd); it skips and says which, instead of passing quietly.  Conditions known only
/// while the test runs use SkippableFact and Skip.If instead.</summary>
public sealed class NeedsFactAttribute : FactAttribute
{
    public NeedsFactAttribute(params string[] requirements) => Skip = Machine.MissingRequirement(requirements);
}

/// <summary>A theory that needs something this machine may lack, like <see cref="NeedsFactAttribute"/>.</summary>
public sealed class NeedsTheoryAttribute : TheoryAttribute
{
    public NeedsTheoryAttribute(params string[] requirements) => Skip = Machine.MissingRequirement(requirements);
}

public static class Machine
{
    public static bool IsRoot => File.ReadLines("/proc/self/status").Any(l => l.StartsWith("Uid:") && l.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1] == "0");

    /// <summary>The program's path on PATH or in the sbin folders (mariadbd lives there), or null.</summary>
    public static string? Find(string program)
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Concat(["/usr/sbin", "/usr/bin", "/sbin"]);
        return dirs.Where(d => d.Length > 0).Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
    }

    /// <summary>Why a test cannot run here, or null when it can.</summary>
    public static string? MissingRequirement(string[] requirements)
    {
        if (requirements.Contains("root") && !IsRoot) return "needs root (to trace or read other users' processes)";
        foreach (var p in requirements)
            if (p != "root" && Find(p) == null) return $"needs {p}: install the Debian packages tools/test.sh installs";
        return null;
    }
}
