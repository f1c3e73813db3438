using Xunit.Abstractions;

namespace Syscope.Tests.Architecture;

/// <summary>
/// src/Syscope's folders form layers, each using only the ones below it, so that a new backend
/// or output depends on what it needs and nothing depends back on it.  See docs/ARCHITECTURE.md.
/// </summary>
public class LayeringTests(ITestOutputHelper output)
{
    /// <summary>Bottom to top; a folder may use only folders listed before it.</summary>
    public static readonly string[] Layers =
    [
        "Text", "Kernel", "Syscalls", "Interop", "Events", "Stacks", "Filtering", "Decoding",
        "Tracing", "Calls", "Output", "Recording", "Inspection",
    ];

    [Fact]
    public void Every_folder_uses_only_the_layers_below_it()
    {
        var graph = FolderDependencies.Of(typeof(Syscope.Events.TraceEvent).Assembly, "Syscope");
        var wrong = new List<string>();
        foreach (var (from, edges) in graph.OrderBy(e => e.Key))
        {
            output.WriteLine($"{from} -> {string.Join(" ", edges.Keys.Order())}");
            int rank = Array.IndexOf(Layers, from);
            if (rank < 0) { wrong.Add($"{from} is not in the list of layers"); continue; }
            foreach (var (to, example) in edges)
            {
                int target = Array.IndexOf(Layers, to);
                if (target >= 0 && target <= rank) continue;
                wrong.Add($"{from} -> {to}: {example}");
            }
        }
        Assert.True(wrong.Count == 0, "dependencies against the layering:\n" + string.Join("\n", wrong));
    }
}
