namespace TrustSim.Scenarios;

/// <summary>
/// The range of the log-uniform prior on sigma, the error scale shared by the observations of one
/// metric that give no se (<c>calibrate.sigma</c>). Either end left out is derived from the data:
/// from 1% of the largest |observed value| of that metric to that value itself.
/// </summary>
internal sealed record ErrorScaleSettings
{
    [Parameter("lower end of sigma's log-uniform prior (> 0); left out: 1% of the metric's largest |observed value|", Unit = "metric units")]
    public double? Min { get; init; }

    [Parameter("upper end of sigma's log-uniform prior; left out: the metric's largest |observed value|", Unit = "metric units")]
    public double? Max { get; init; }

    /// <summary>Share of the largest |observed value| that the derived lower end takes.</summary>
    public const double DerivedLowShare = 0.01;

    /// <summary>
    /// The prior range for observed values <paramref name="values"/> of one metric: the ends written,
    /// the others derived from the largest |value| (1 when every value is 0, so the range is not empty).
    /// </summary>
    public (double Min, double Max) RangeFor(IEnumerable<double> values)
    {
        var largest = values.Select(Math.Abs).DefaultIfEmpty(0).Max();
        var scale = largest > 0 ? largest : 1;
        return (Min ?? DerivedLowShare * scale, Max ?? scale);
    }
}
