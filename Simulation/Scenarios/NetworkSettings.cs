namespace TrustSim.Scenarios;

/// <summary>The Watts-Strogatz small world used when influence is network.</summary>
internal sealed record NetworkSettings
{
    [Parameter("mean number of neighbours (even)", Symbol = "k", Min = 2, Max = 1000)]
    public int Degree { get; init; } = 8;

    [Parameter("chance each lattice edge is rewired to a random user", Symbol = "p_rewire", Min = 0, Max = 1)]
    public double Rewiring { get; init; } = 0.1;
}
