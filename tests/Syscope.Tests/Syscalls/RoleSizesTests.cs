using System.Runtime.CompilerServices;
using Syscope.Syscalls;
using Syscope.Tests.Infrastructure;

namespace Syscope.Tests.Syscalls;

/// <summary>The facts behind the syscall rows' roles: the structure sizes roles.txt gives, against
/// the C headers; the generated table against its generator and inputs; the capture plan's shape.</summary>
public class RoleSizesTests
{
    private static readonly string s_roles = Path.Combine(SyscopeCli.RepoRoot, "tools/syscalls/roles.txt");

    public static TheoryData<string, int, string, string> Sizes()
    {
        var data = new TheoryData<string, int, string, string>();
        foreach (var line in File.ReadLines(s_roles).Where(l => l.StartsWith("@size ")))
        {
            var t = line.Split(' ', 5, StringSplitOptions.RemoveEmptyEntries);
            if (t[3] != "-") data.Add(t[1], int.Parse(t[2]), t[3], t[4].Trim());
        }
        return data;
    }

    [NeedsTheory("gcc")]
    [MemberData(nameof(Sizes))]
    public void Each_size_is_the_C_types_size(string name, int bytes, string header, string ctype)
    {
        string exe = CPrograms.TempFile($"size-{name}");
        string source = exe + ".c";
        File.WriteAllText(source, $"#define _GNU_SOURCE\n#include <stdio.h>\n#include <{header}>\nint main(void) {{ printf(\"%zu\", sizeof({ctype})); return 0; }}\n");
        var gcc = Runner.Run("gcc", ["-o", exe, source]);
        Assert.True(gcc.ExitCode == 0, gcc.Stderr);
        Assert.Equal(bytes.ToString(), Runner.Run(exe, []).Stdout);
    }

    [NeedsFact("python3")]
    public void The_generated_tables_match_their_inputs()
    {
        var r = Runner.Run("python3", [Path.Combine(SyscopeCli.RepoRoot, "tools/gen-tables.py"), "--check"]);
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
    }

    [Fact]
    public void A_plan_is_a_fixed_size_value_of_the_rows_roles()
    {
        Assert.Equal(8, Unsafe.SizeOf<ArgRole>());
        Assert.Equal(52, Unsafe.SizeOf<CapturePlan>());
        var read = CapturePlan.For(Sys.read);
        Assert.Equal(3, read.ArgCount);
        Assert.True(read.Complete);
        Assert.Equal(ArgKind.Fd, read.Args[0].Kind);
        Assert.Equal(new ArgRole(ArgKind.Buffer, ArgFlow.Out, SizeFrom.Return, 0, 1, 0), read.Args[1]);
        var accept = CapturePlan.For(Sys.accept);
        Assert.Equal(new ArgRole(ArgKind.Sockaddr, ArgFlow.Out, SizeFrom.ArgPointee, 2, 1, 0), accept.Args[1]);
        Assert.Equal(ReturnFormat.Fd, accept.Returns);
        Assert.False(CapturePlan.For(Sys.ioctl).Complete);
        Assert.Equal(6, CapturePlan.For(1000).ArgCount);
    }
}
