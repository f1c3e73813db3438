using Syscope.Events;

namespace Syscope.Output;

/// <summary>A trace output format (strace text, JSON): consumes events and takes the messages
/// that go to the user rather than into the trace ("Process N attached").</summary>
public interface ITraceFormatter : ITraceConsumer, IDisposable
{
    void Message(string text);
}

/// <summary>The messages strace prints about attaching, the same in every output.</summary>
public static class Announcement
{
    public static string Attached(ref TraceEvent e) =>
        e.AttachKind == AttachKind.Seized && e.ThreadCount > 1 ? $"Process {e.Tid} attached with {e.ThreadCount} threads" : $"Process {e.Tid} attached";
}
