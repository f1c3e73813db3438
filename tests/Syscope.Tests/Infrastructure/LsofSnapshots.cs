namespace Syscope.Tests.Infrastructure;

/// <summary>Tests that compare a snapshot of the machine with lsof's: nothing else may start or end
/// processes meanwhile, or the two tools look at different machines.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LsofSnapshots
{
    public const string Name = "lsof snapshots";
}
