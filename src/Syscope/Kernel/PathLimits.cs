namespace Syscope.Kernel;

/// <summary>The kernel's limits on names, from &lt;linux/limits.h&gt;.</summary>
internal static class PathLimits
{
    /// <summary>PATH_MAX: the longest path the kernel takes, its NUL included.</summary>
    public const int PathMax = 4096;
}
