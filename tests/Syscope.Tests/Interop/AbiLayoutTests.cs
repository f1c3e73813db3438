using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text;
using Syscope.Kernel.Abi;
using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Interop;

/// <summary>Every structure syscope shares with the kernel or the C library, checked against the
/// installed headers: a C program built here prints sizeof and offsetof of each one and of each
/// field its C# declaration names, and every figure must equal the C# layout.</summary>
public class AbiLayoutTests
{
    private static readonly Assembly Library = typeof(CLayoutAttribute).Assembly;

    private static IEnumerable<Type> Layouts() =>
        Library.GetTypes().Where(t => t.GetCustomAttribute<CLayoutAttribute>() != null).OrderBy(t => t.Name);

    private static string Designator(FieldInfo f) => f.GetCustomAttribute<CFieldAttribute>()!.Name;

    private static IEnumerable<FieldInfo> NamedFields(Type t) =>
        t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(f => f.GetCustomAttribute<CFieldAttribute>() != null);

    [NeedsFact("gcc")]
    public void EveryLayoutMatchesTheHeaders() => Assert.Empty(Mismatches(Layouts()));

    /// <summary>The check itself must be able to fail: a winsize with an int where the kernel has
    /// an unsigned short moves every later field and grows the struct.</summary>
    [NeedsFact("gcc")]
    public void AWrongLayoutIsReported() =>
        Assert.Equal(
            ["WrongWinsize: C# size 16, sizeof(struct winsize) 8",
             "WrongWinsize.Row (ws_row): C# offset and size 0 4, C 0 2",
             "WrongWinsize.Col (ws_col): C# offset and size 4 4, C 2 2",
             "WrongWinsize.Xpixel (ws_xpixel): C# offset and size 8 8, C 4 2"],
            Mismatches([typeof(WrongWinsize)]));

    // Only its layout is looked at; nothing ever fills it.
#pragma warning disable CS0649
    [CLayout("struct winsize", "asm/termios.h")]
    private struct WrongWinsize
    {
        [CField("ws_row")] public int Row;
        [CField("ws_col")] public int Col;
        [CField("ws_xpixel")] public long Xpixel;
    }
#pragma warning restore CS0649

    private static List<string> Mismatches(IEnumerable<Type> types)
    {
        var c = CLayouts(types.ToList());
        var problems = new List<string>();
        foreach (var t in types)
        {
            var layout = t.GetCustomAttribute<CLayoutAttribute>()!;
            int size = Marshal.SizeOf(t);
            if ((int)c[t.Name] != size) problems.Add($"{t.Name}: C# size {size}, {layout.Size ?? $"sizeof({layout.CType})"} {c[t.Name]}");
            foreach (var f in NamedFields(t))
            {
                string key = $"{t.Name}.{f.Name}";
                string actual = $"{(int)Marshal.OffsetOf(t, f.Name)} {Marshal.SizeOf(f.FieldType)}";
                if (c[key].ToString() != actual)
                    problems.Add($"{key} ({Designator(f)}): C# offset and size {actual}, C {c[key]}");
            }
        }
        return problems;
    }

    /// <summary>sizeof and offsetof as the C compiler sees them: "Name" → size, "Name.Field" → "offset size".</summary>
    private static Dictionary<string, object> CLayouts(List<Type> types)
    {
        string dir = Directory.CreateTempSubdirectory("syscope-abi-").FullName;
        try { return CLayouts(types, dir); }
        finally { Directory.Delete(dir, recursive: true); }
    }

    private static Dictionary<string, object> CLayouts(List<Type> types, string dir)
    {
        var sources = new List<string>();
        var main = new StringBuilder();
        foreach (var t in types)
        {
            string file = Path.Combine(dir, t.Name + ".c");
            File.WriteAllText(file, Source(t));
            sources.Add(file);
            main.Append($"void layout_{t.Name}(void);\n");
        }
        main.Append("int main(void)\n{\n");
        foreach (var t in types) main.Append($"    layout_{t.Name}();\n");
        main.Append("    return 0;\n}\n");
        string mainFile = Path.Combine(dir, "main.c");
        File.WriteAllText(mainFile, main.ToString());
        string exe = Path.Combine(dir, "layouts");
        var gcc = Runner.Run("gcc", ["-o", exe, mainFile, .. sources]);
        Assert.True(gcc.ExitCode == 0, $"gcc failed:\n{gcc.Stderr}");
        var run = Runner.Run(exe, []);
        Assert.Equal(0, run.ExitCode);
        var result = new Dictionary<string, object>();
        foreach (var line in run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            int space = line.IndexOf(' ');
            string key = line[..space], value = line[(space + 1)..];
            result[key] = key.Contains('.') ? value : int.Parse(value);
        }
        return result;
    }

    /// <summary>One translation unit per struct, so that kernel and C library headers that declare
    /// the same names (asm/stat.h and sys/stat.h) never meet.</summary>
    private static string Source(Type t)
    {
        var layout = t.GetCustomAttribute<CLayoutAttribute>()!;
        string ct = layout.CType;
        var s = new StringBuilder();
        s.Append("#define _GNU_SOURCE\n#include <stddef.h>\n");
        s.Append($"#include <{layout.Header}>\n");
        if (layout.Declaration != null) s.Append(layout.Declaration).Append('\n');
        s.Append("int printf(const char *, ...);\n");
        s.Append($"void layout_{t.Name}(void)\n{{\n");
        s.Append($"    printf(\"{t.Name} %zu\\n\", (size_t)({layout.Size ?? $"sizeof({ct})"}));\n");
        foreach (var f in NamedFields(t))
        {
            string d = Designator(f);
            s.Append($"    printf(\"{t.Name}.{f.Name} %zu %zu\\n\", offsetof({ct}, {d}), sizeof((({ct} *)0)->{d}));\n");
        }
        s.Append("}\n");
        return s.ToString();
    }

    [Fact]
    public void EveryStructOfTheAbiFolderNamesItsCType()
    {
        var unnamed = Library.GetTypes()
            .Where(t => t.Namespace == typeof(CLayoutAttribute).Namespace && t.IsValueType && !t.IsEnum && !t.IsNested)
            .Where(t => t.GetCustomAttribute<CLayoutAttribute>() == null)
            .Select(t => t.Name);
        Assert.Empty(unnamed);
    }

    /// <summary>A structure a decoder reads from the tracee (Printers.TryRead, Printers.Array) or
    /// that goes to the kernel through a native call must be one of the checked layouts: a new one
    /// declared anywhere else fails here.</summary>
    [Fact]
    public void EveryStructSharedWithTheKernelIsChecked()
    {
        var uses = new SortedDictionary<string, bool>();
        foreach (var m in GenericInstantiations().Where(m => m.DeclaringType == typeof(Syscope.Decoding.Printers)))
            foreach (var t in m.GetGenericArguments()) Note(t, $"Printers.{m.Name}<{t.Name}>", uses);
        foreach (var m in NativeMethods())
            foreach (var p in m.GetParameters()) Note(p.ParameterType, $"{m.DeclaringType!.Name}: {p.ParameterType.Name}", uses);
        // The scan sees what it must (so that it cannot pass by seeing nothing)...
        Assert.Contains("Printers.TryRead<Stat>", uses.Keys);
        Assert.Contains("Printers.Array<Pollfd>", uses.Keys);
        Assert.Contains("ProcessVm: Iovec*", uses.Keys);
        // ...and every struct it sees is checked.
        Assert.Empty(uses.Where(u => !u.Value).Select(u => u.Key));
    }

    private static void Note(Type t, string use, IDictionary<string, bool> uses)
    {
        while (t.HasElementType) t = t.GetElementType()!;
        if (t.IsValueType && !t.IsPrimitive && !t.IsEnum && t.Assembly == Library)
            uses[use] = t.GetCustomAttribute<CLayoutAttribute>() != null;
    }

    /// <summary>Every generic method instantiation the library's code makes (its MethodSpec table).</summary>
    internal static IEnumerable<MethodBase> GenericInstantiations()
    {
        using var pe = new PEReader(File.OpenRead(Library.Location));
        int rows = pe.GetMetadataReader().GetTableRowCount(TableIndex.MethodSpec);
        var found = new List<MethodBase>();
        for (int row = 1; row <= rows; row++)
        {
            // Instantiations over a generic method's own parameters need their context; the
            // concrete ones are what matter here.
            try { found.Add(Library.ManifestModule.ResolveMethod(0x2B000000 | row)!); }
            catch (ArgumentException) { }
        }
        return found;
    }

    /// <summary>Every native entry point: the DllImport stubs LibraryImport generates, and any
    /// DllImport written by hand.</summary>
    internal static IEnumerable<MethodInfo> NativeMethods() =>
        Library.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => (m.Attributes & MethodAttributes.PinvokeImpl) != 0);

    [Fact]
    public void EveryPublicFieldNamesItsCMember()
    {
        var unnamed = Layouts().SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.Public)
            .Where(f => f.GetCustomAttribute<CFieldAttribute>() == null).Select(f => $"{t.Name}.{f.Name}"));
        Assert.Empty(unnamed);
    }

    /// <summary>PTRACE_PEEKUSER offsets come from the checked UserRegs layout.</summary>
    [Fact]
    public void RegisterOffsetsAreTheLayouts()
    {
        Assert.Equal((int)Marshal.OffsetOf<UserRegs>(nameof(UserRegs.OrigRax)), Syscope.Interop.Ptrace.OrigRaxOffset);
        Assert.Equal((int)Marshal.OffsetOf<UserRegs>(nameof(UserRegs.Rax)), Syscope.Interop.Ptrace.RaxOffset);
        Assert.Equal((int)Marshal.OffsetOf<UserRegs>(nameof(UserRegs.Rdi)), Syscope.Interop.Ptrace.RdiOffset);
        Assert.Equal(15 * 8, Syscope.Interop.Ptrace.OrigRaxOffset);
    }

    [Fact]
    public void EachCTypeIsDeclaredOnce()
    {
        var twice = Layouts().GroupBy(t => t.GetCustomAttribute<CLayoutAttribute>()!.CType)
            .Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.Name))}");
        Assert.Empty(twice);
    }
}
