namespace Syscope.Inspection.Why;

/// <summary>A process a wait leads to, the next step of a chain: who it is (Command escaped), its
/// fd on the connection (-1 when the link is not an fd), the link in a deadlock sentence ("pipe",
/// "TCP 127.0.0.1:5000", "file lock on /x") and the relation in a chain line ("at the other end
/// of the pipe", "holding the lock on /x", "its child").</summary>
internal sealed record Lead(int Pid, string Command, int Fd, string Link, string Via)
{
    public static Lead? Of(FdTarget f) => f.Peer is { } p
        ? new Lead(p.Pid, p.DisplayCommand, p.Fd, f.Link ?? "connection", "at the other end of " + (f.Link == "pipe" ? "the pipe" : f.Link ?? "the connection"))
        : null;
}
