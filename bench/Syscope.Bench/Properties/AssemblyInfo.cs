// The benchmarks measure the Linux-only library.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
