namespace ContentPipeline.Tests.TestSupport;

/// <summary>Tests that boot whole hosts run one at a time: the machine has two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostCollection
{
    public const string Name = "Hosts";
}
