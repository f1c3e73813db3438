using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Syscope.Tests.Infrastructure.RunFolderFramework", "Syscope.Tests")]

namespace Syscope.Tests.Infrastructure;

/// <summary>
/// Everything a test run writes goes under one folder: $SYSCOPE_TEST_TMP when tools/test.sh sets
/// it, else /tmp/syscope-PID (short: tests put paths in argv, which -s 32 cuts).  TMPDIR points
/// there for the test host and every process it starts, so temp files of tests, of the programs
/// under test and of the .NET runtime in syscope (its diagnostic endpoints, which stay behind
/// when a test kills syscope) land there too.
///
/// Tests delete what they create.  What lives as long as the run (compiled programs, the corpus's
/// scratch folder) is deleted after the last test, and the folder must then be empty: anything
/// else fails the run, named.
/// </summary>
public static class RunFolder
{
    public const string Variable = "SYSCOPE_TEST_TMP";

    private static readonly ConcurrentBag<string> s_runScoped = [];
    private static bool s_given;

    public static string Root { get; private set; } = "";

    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Runs before any test and before any fixture creates a file.")]
    internal static void Start()
    {
        string? given = Environment.GetEnvironmentVariable(Variable);
        s_given = !string.IsNullOrEmpty(given);
        Root = Directory.CreateDirectory(s_given ? given! : $"/tmp/syscope-{Environment.ProcessId}").FullName;
        Environment.SetEnvironmentVariable("TMPDIR", Root);
        // A run that matched no test never reaches the last-test step: its folder is still empty.
        if (!s_given) AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(Root); } catch (IOException) { } };
    }

    /// <summary>The path of a folder that lives as long as the run, deleted after the last test.
    /// Its user creates it when it first writes there: discovery alone must leave nothing.</summary>
    public static string RunScoped(string name)
    {
        string dir = Path.Combine(Root, name);
        s_runScoped.Add(dir);
        return dir;
    }

    /// <summary>Deletes the run-scoped folders and the runtime's endpoints; returns what else is
    /// left, and removes the folder itself when nothing is (unless tools/test.sh made it).</summary>
    internal static List<string> End()
    {
        foreach (var dir in s_runScoped) Delete(dir);
        foreach (var debris in Directory.EnumerateFileSystemEntries(Root).Where(IsRuntimeDebris)) Delete(debris);
        var left = Directory.EnumerateFileSystemEntries(Root).Select(e => Path.GetFileName(e)).ToList();
        if (left.Count == 0 && !s_given) Delete(Root);
        return left;
    }

    /// <summary>The .NET runtime's IPC endpoints (in syscope), which a killed process cannot remove.</summary>
    private static bool IsRuntimeDebris(string path) =>
        Path.GetFileName(path) is var n && (n.StartsWith("dotnet-diagnostic-") || n.StartsWith("clr-debug-pipe-"));

    private static void Delete(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            else File.Delete(path);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

/// <summary>xunit's own framework with one step added after the last test, before the run is
/// reported finished: <see cref="RunFolder.End"/>.  Not at process exit: the test platform kills
/// the test host 100 ms after the run, often before exit handlers finish.</summary>
public sealed class RunFolderFramework(IMessageSink sink) : XunitTestFramework(sink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName name, ISourceInformationProvider source, IMessageSink sink)
        : XunitTestFrameworkExecutor(name, source, sink)
    {
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new AssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class AssemblyRunner(ITestAssembly assembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnostics, IMessageSink execution, ITestFrameworkExecutionOptions options)
        : XunitTestAssemblyRunner(assembly, testCases, diagnostics, execution, options)
    {
        protected override async Task BeforeTestAssemblyFinishedAsync()
        {
            var left = RunFolder.End();
            if (left.Count > 0)
                Aggregator.Add(new TestsLeftFilesBehind($"the tests left {left.Count} files in {RunFolder.Root}: {string.Join(' ', left)}"));
            await base.BeforeTestAssemblyFinishedAsync();
        }
    }
}

/// <summary>Named for what it means: at normal verbosity the test platform shows a clean-up
/// failure by its type alone (tools/test.sh then lists the files).</summary>
public sealed class TestsLeftFilesBehind(string message) : Exception(message);
