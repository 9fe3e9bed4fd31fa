using TrustSim.Analysis;

namespace TrustSim.Experiments;

/// <summary>
/// What a posterior calibration drew and found: the chains, each quantity's convergence and summary
/// (over the first <see cref="Retained"/> draws of every chain, so chains of an interrupted run count
/// equally), the posterior correlations and ridges, the identifiability check, the profile likelihood
/// and the posterior predictive (the last two skipped after Ctrl-C).
/// </summary>
internal sealed record PosteriorResult
{
    public required PosteriorSpace Space { get; init; }

    public required ObservationModel Observations { get; init; }

    public required int Warmup { get; init; }

    /// <summary>Draws asked per chain after warmup.</summary>
    public required int Draws { get; init; }

    public required IReadOnlyList<PosteriorChain> Chains { get; init; }

    /// <summary>Draws per chain that every chain has: what the diagnostics and summaries use.</summary>
    public required int Retained { get; init; }

    /// <summary>R-hat and ESS of each quantity, in <see cref="PosteriorSpace.Quantities"/> order.</summary>
    public required IReadOnlyList<ChainConvergence> Convergence { get; init; }

    public required IReadOnlyList<DrawSummary> Summaries { get; init; }

    /// <summary>Pearson correlation of each pair of quantities over the draws, each on its own scale (log for a log-scale quantity).</summary>
    public required double[,] Correlation { get; init; }

    public required IReadOnlyList<Ridge> Ridges { get; init; }

    /// <summary>The identifiability check per observation; null when Ctrl-C came first.</summary>
    public required IReadOnlyList<ObservationInformation>? Information { get; init; }

    public required IReadOnlyList<ProfilePoint> Profile { get; init; }

    public required PosteriorPredictive? Predictive { get; init; }

    public required bool Interrupted { get; init; }

    /// <summary>Model evaluations of the chains, the identifiability check, the profile and the predictive.</summary>
    public required int Evaluations { get; init; }

    /// <summary>Identifiability, ridge, convergence and interruption warnings, as sentences for the console and the manifest.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Every quantity has R-hat &lt; 1.01 and bulk ESS ≥ 400, and the chains ran to the end.</summary>
    public bool Converged => !Interrupted && Convergence.Count > 0 && Convergence.All(c => c.Converged);

    public int InformativeCount => Information?.Count(i => i.Informative) ?? 0;

    /// <summary>The draws of quantity <paramref name="k"/>, chain by chain, cut to <see cref="Retained"/>.</summary>
    public IReadOnlyList<double[]> ByChain(int k) => Chains.Select(c => c.Draws.Take(Retained).Select(d => d[k]).ToArray()).ToList();
}
