namespace Syscope.Stacks.Symbols;

/// <summary>A symbol's readable name: Rust's v0 and legacy schemes first (a legacy Rust name is
/// also a valid C++ one, which would keep its hash), then C++.  Null when the name is not mangled
/// or cannot be read.</summary>
internal static class Demangler
{
    public static string? Demangle(string name) =>
        RustV0Demangler.Demangle(name) ?? RustLegacyDemangler.Demangle(name) ?? Interop.CxxDemangler.Demangle(name);
}
