// ptrace, /proc and the syscall table are Linux facts; nothing here runs elsewhere.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

// The library has no users outside this repository: the command, the tests and the benchmarks see
// its types; nothing else is promised.  Every type is internal except four option enums
// (ConstStyle, FdDecoding, SummarySort, WaitKind) that tests take as theory arguments.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("syscope")]
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Syscope.Tests")]
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Syscope.Bench")]
