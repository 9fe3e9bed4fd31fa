namespace TrustSim.Experiments;

/// <summary>
/// The error scale sigma shared by the observations of <paramref name="Metric"/> that give no se,
/// sampled with a log-uniform prior on [<paramref name="Min"/>, <paramref name="Max"/>] (metric units).
/// </summary>
internal sealed record ErrorScale(string Metric, double Min, double Max)
{
    /// <summary>Its column in posterior.csv and its row in summary.csv.</summary>
    public string Name => $"sigma_{Metric}";
}
