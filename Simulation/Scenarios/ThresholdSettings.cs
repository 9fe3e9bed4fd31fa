namespace TrustSim.Scenarios;

/// <summary>A tipping-point search: where does a metric's replicated mean cross a level as one parameter moves?</summary>
internal sealed record ThresholdSettings
{
    [Parameter("summary metric whose mean is watched")]
    public string Metric { get; init; } = "";

    [Parameter("level the metric's mean crosses")]
    public double Level { get; init; }

    [Parameter("stop when the bracket on the parameter is this narrow", Min = 0)]
    public double Tolerance { get; init; } = 0.01;

    [Parameter("most design points to evaluate", Min = 2, Max = 10_000)]
    public int MaxEvaluations { get; init; } = 24;
}
