using System.Reflection;
using System.Runtime.InteropServices;

namespace Syscope.Tests.Interop;

/// <summary>Native functions are imported once each, and only in Interop: one declaration, one
/// safe wrapper, one place where its result is checked.</summary>
public class NativeImportTests
{
    private static readonly Assembly[] Assemblies = [typeof(Syscope.Interop.Ptrace).Assembly, typeof(Syscope.Cli.Program).Assembly];

    private static IEnumerable<(string Entry, MethodInfo Method)> Imports() =>
        Assemblies.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => (m.Attributes & MethodAttributes.PinvokeImpl) != 0)
            .Select(m => (m.GetCustomAttribute<DllImportAttribute>()?.EntryPoint ?? m.Name, m));

    [Fact]
    public void Each_native_function_is_imported_once()
    {
        var imports = Imports().ToList();
        Assert.Contains(imports, i => i.Entry == "close");   // the scan sees LibraryImport's stubs
        var twice = imports.GroupBy(i => i.Entry).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(i => i.Method.DeclaringType!.Name))}");
        Assert.Empty(twice);
    }

    [Fact]
    public void Only_Interop_imports_native_functions()
    {
        var elsewhere = Imports().Where(i => i.Method.DeclaringType!.Namespace != "Syscope.Interop")
            .Select(i => $"{i.Method.DeclaringType!.FullName}: {i.Entry}");
        Assert.Empty(elsewhere);
    }
}
