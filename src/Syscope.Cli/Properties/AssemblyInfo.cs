// The command only exists where its library works: on Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
