// The tests drive ptrace, /proc and Linux programs; they run nowhere else.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
