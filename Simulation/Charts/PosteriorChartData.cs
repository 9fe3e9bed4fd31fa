using TrustSim.Experiments;
using TrustSim.Scenarios;

namespace TrustSim.Charts;

/// <summary>
/// Everything the charts of a posterior calibration draw, as read back from its folder (so a chart drawn
/// by <c>calibrate</c> and redrawn by <c>plot</c> come from the same numbers): the scenario (its calendar
/// and schedule), the quantities (parameters first), their correlations, the observations with their
/// predictive intervals, the simulated band of each observed metric, the profile likelihood, and whether
/// the chains converged.
/// </summary>
internal sealed record PosteriorChartData(Scenario Scenario, IReadOnlyList<PosteriorQuantity> Quantities, int ParameterCount, double[,] Correlation,
    IReadOnlyList<PosteriorFitRow> Fit, IReadOnlyList<PredictiveBand> Bands, IReadOnlyList<ProfilePoint> Profile, PosteriorStatus Status)
{
    public IReadOnlyList<PosteriorQuantity> Parameters => Quantities.Take(ParameterCount).ToList();
}

/// <summary>How far the chains got: converged, ran to the end without converging, or stopped by Ctrl-C.</summary>
internal enum PosteriorStatus { Converged, NotConverged, Interrupted }
