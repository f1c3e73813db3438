// A .NET tracee for trace -k's JIT frames: run with DOTNET_PerfMapEnabled=1, it opens its argument
// from a named method, which the runtime's /tmp/perf-PID.map names.
using System.Runtime.CompilerServices;

namespace MyApp;

public static class Repository
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Load(string path)
    {
        using var f = File.OpenHandle(path);
        return (int)RandomAccess.GetLength(f);
    }
}

public static class Program
{
    public static int Main(string[] args) => Repository.Load(args[0]) == 0 ? 0 : 1;
}
