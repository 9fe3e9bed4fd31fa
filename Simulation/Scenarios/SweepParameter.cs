namespace TrustSim.Scenarios;

/// <summary>
/// One swept parameter: a numeric scenario key by path, with explicit values, a range with a
/// count or a step (grid), or bounds (sampling designs).
/// </summary>
internal sealed record SweepParameter
{
    [Parameter("scenario key to vary, as for --set (platform.scar, shocks.0.severity, institutions.named.2.theta)")]
    public string Path { get; init; } = "";

    [Parameter("explicit values (grid)")]
    public IReadOnlyList<double> Values { get; init; } = [];

    [Parameter("lower bound")]
    public double? Min { get; init; }

    [Parameter("upper bound")]
    public double? Max { get; init; }

    [Parameter("number of evenly spaced values from min to max (grid)", Min = 1, Max = 100_000)]
    public int? Count { get; init; }

    [Parameter("spacing of values from min to max (grid)", Min = 0)]
    public double? Step { get; init; }

    [Parameter("spread values evenly on a log scale (min > 0)")]
    public bool Log { get; init; }

    [Parameter("round values to whole numbers")]
    public bool Integer { get; init; }
}
