// ptrace, /proc and the syscall table are Linux facts; nothing here runs elsewhere.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
