using Syscope.Events;

namespace Syscope.Output;

/// <summary>A trace output format (strace text, JSON): consumes events and takes the messages
/// that go to the user rather than into the trace ("Process N attached").</summary>
public interface ITraceFormatter : ITraceConsumer, IDisposable
{
    /// <summary>A process under trace from the start (launched or -p); null before the launch.</summary>
    void ProcessStarted(int? pid);

    void Message(string text);
}
