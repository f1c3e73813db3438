namespace Syscope.Kernel.Abi;

/// <summary>
/// The C type a struct lays out and the header that declares it.  Every structure syscope shares
/// with the kernel or the C library carries one, and tests/Syscope.Tests/Interop/AbiLayoutTests
/// compiles a C program that prints sizeof and offsetof of each one, field by field, and compares
/// them with the C# layout: a struct without it, or a field that names no C member, fails that test.
/// </summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
internal sealed class CLayoutAttribute(string cType, string header) : Attribute
{
    /// <summary>As C spells it: "struct stat", "siginfo_t".</summary>
    public string CType => cType;

    /// <summary>The header to include, as in #include &lt;...&gt;: "asm/stat.h".</summary>
    public string Header => header;

    /// <summary>A C expression for the size this declaration has when that is not sizeof(CType):
    /// an extensible structure's published size that syscope reads ("CLONE_ARGS_SIZE_VER2").</summary>
    public string? Size { get; set; }

    /// <summary>C text declaring CType, for a kernel structure that no installed header exports
    /// (it is written here from the kernel source, so only its consistency is checked).</summary>
    public string? Declaration { get; set; }
}

/// <summary>The C member a field lays out; a member designator ("ru_utime.tv_sec") reaches into a
/// nested struct or union.  Fields without it are padding: only the struct's size covers them.</summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
internal sealed class CFieldAttribute(string name) : Attribute
{
    public string Name => name;
}
