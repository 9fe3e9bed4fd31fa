namespace TrustSim.Scenarios;

/// <summary>Experiment designs a sweep can use.</summary>
internal enum SweepDesign { Grid, Random, LatinHypercube, Sobol, Morris, Threshold }

/// <summary>
/// The <c>sweep:</c> section: which parameters vary, by which design, with how many replications
/// per design point, and which summary metrics to report. Absent for a plain run.
/// </summary>
internal sealed record SweepSettings
{
    [Parameter("grid, random, latin_hypercube, sobol, morris or threshold")]
    public SweepDesign Design { get; init; } = SweepDesign.Grid;

    [Parameter("points to draw (random, latin_hypercube), base samples N (sobol: N(k+2) points) or trajectories (morris: r(k+1) points)", Min = 1, Max = 10_000_000)]
    public int Samples { get; init; } = 64;

    [Parameter("grid levels of each parameter for morris", Min = 2, Max = 1000)]
    public int Levels { get; init; } = 4;

    [Parameter("replications at each design point, each with its own seed", Min = 1, Max = 100_000)]
    public int Replications { get; init; } = 1;

    [Parameter("summary metrics to report (default: all)")]
    public IReadOnlyList<string> Metrics { get; init; } = [];

    [Parameter("also estimate second-order Sobol indices (sobol only)")]
    public bool SecondOrder { get; init; }

    public IReadOnlyList<SweepParameter> Parameters { get; init; } = [];

    /// <summary>The search of a threshold design; unused by the others.</summary>
    public ThresholdSettings Threshold { get; init; } = new();
}
