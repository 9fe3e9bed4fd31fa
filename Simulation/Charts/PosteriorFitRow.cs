namespace TrustSim.Charts;

/// <summary>
/// One observation on a posterior fit chart: where and what was observed (with its se, if any), whether
/// it carries information about the parameters (null when not checked), and the 95% posterior
/// predictive interval and median there (NaN when the predictive was skipped).
/// </summary>
internal sealed record PosteriorFitRow(string Label, string Metric, int Step, DateOnly Date, double Value, double? Se, bool? Informative,
    double PredictiveLow, double PredictiveMedian, double PredictiveHigh);
