namespace TrustSim.Experiments;

/// <summary>
/// The posterior band of one observed metric's simulated mean (over replications) at each step from 0
/// to the predictive horizon: median and 2.5%-97.5% quantiles over the predictive draws. No observation
/// noise: it shows what the parameters' uncertainty does to the trajectory.
/// </summary>
internal sealed record PredictiveBand(string Metric, IReadOnlyList<int> Steps, IReadOnlyList<double> Median, IReadOnlyList<double> Low, IReadOnlyList<double> High);
