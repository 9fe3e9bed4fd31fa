namespace TrustSim.Scenarios;

/// <summary>One observed value of a time-series metric, for calibration.</summary>
internal sealed record Observation
{
    [Parameter("step of the observation", Min = 0)]
    public int? Step { get; init; }

    [Parameter("date of the observation (the first step on or after it)", Unit = "date")]
    public DateOnly? Date { get; init; }

    [Parameter("time-series metric observed (reputation, adoption, ...)")]
    public string Metric { get; init; } = "reputation";

    [Parameter("observed value")]
    public double Value { get; init; }

    [Parameter("standard error; weight 1/se^2 (optimize), the sd of a Gaussian error (posterior)", Min = 0)]
    public double? Se { get; init; }

    [Parameter("when no se is given: weight in the loss (optimize), precision multiplier, sd = sigma/sqrt(weight) (posterior)", Min = 0)]
    public double Weight { get; init; } = 1;

    [Parameter("what was observed, for charts")]
    public string Label { get; init; } = "";
}
