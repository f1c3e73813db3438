// The command only exists where its library works: on Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

// The tests drive the command's parsers and handlers in-process.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Syscope.Tests")]
