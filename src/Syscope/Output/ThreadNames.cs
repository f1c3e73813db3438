using Syscope.Decoding;
using Syscope.Events;

namespace Syscope.Output;

/// <summary>Each thread's name (comm) for --json, asked of the host once per thread and again after
/// it execs (the only time it changes as far as a trace can see, short of prctl): a live trace reads
/// /proc once per thread, not once per record.  One small array per thread, dropped at its end.</summary>
internal sealed class ThreadNames(IHostFacts host)
{
    private readonly Dictionary<int, byte[]> _names = [];
    private readonly ArgWriter _escaped = new();

    /// <summary>The name as a JSON string: its bytes when they are UTF-8, else strace's escaped
    /// text of them (a name is a label; a non-UTF-8 one is rare enough to be shown, not kept exactly).</summary>
    public void Write(JsonLine json, int tid)
    {
        if (!_names.TryGetValue(tid, out var name))
        {
            var now = host.Comm(tid);
            // An unknown name is remembered too (as empty): asking /proc again at every record of
            // a thread already gone would cost a failed open each time.
            _names[tid] = name = now.IsEmpty ? [] : now.ToArray();
        }
        if (System.Text.Unicode.Utf8.IsValid(name)) { json.String(name); return; }
        _escaped.Clear();
        _escaped.Escaped(name, 0);
        json.String(_escaped.Written);
    }

    public void Forget(int tid) => _names.Remove(tid);
}
