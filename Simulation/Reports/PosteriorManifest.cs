namespace TrustSim.Reports;

/// <summary>
/// A posterior calibration's part of manifest.json (method posterior): the sampler's settings and
/// effort, convergence, each quantity's diagnostics and summary, the identifiability check and the
/// ridges. The sentences that warn about them are the manifest's <see cref="Manifest.Warnings"/>.
/// </summary>
internal sealed record PosteriorManifest
{
    public string Method { get; init; } = "posterior";

    public int Chains { get; init; }

    /// <summary>Warmup iterations per chain (adapting, discarded).</summary>
    public int Warmup { get; init; }

    /// <summary>Draws asked per chain after warmup.</summary>
    public int Draws { get; init; }

    /// <summary>Draws each chain kept (fewer than asked after Ctrl-C), in chain order.</summary>
    public IReadOnlyList<int> DrawsKept { get; init; } = [];

    /// <summary>Draws per chain every chain has: what summary.csv and the diagnostics use.</summary>
    public int DrawsUsed { get; init; }

    public int ReplicationsPerEvaluation { get; init; }

    /// <summary>Model evaluations in all: chains, identifiability check, profile and predictive.</summary>
    public int Evaluations { get; init; }

    /// <summary>Every quantity has R-hat &lt; 1.01 and bulk ESS ≥ 400 and the chains ran to the end.</summary>
    public bool Converged { get; init; }

    public double? MaxRhat { get; init; }

    public double? MinBulkEss { get; init; }

    public double? MinTailEss { get; init; }

    /// <summary>Share of proposals accepted after warmup, per chain.</summary>
    public IReadOnlyList<double?> Acceptance { get; init; } = [];

    public IReadOnlyList<PosteriorQuantityEntry> Quantities { get; init; } = [];

    public int Observations { get; init; }

    /// <summary>Observations whose model value moves across the identifiability check's design; null when it did not run.</summary>
    public int? InformativeObservations { get; init; }

    /// <summary>Points of the identifiability check's Latin hypercube over the priors.</summary>
    public int IdentifiabilityPoints { get; init; }

    public IReadOnlyList<RidgeEntry> Ridges { get; init; } = [];

    public int ProfilePoints { get; init; }

    public int ProfileEvaluations { get; init; }

    /// <summary>Retained draws the posterior predictive ran the model at (0 when it was skipped).</summary>
    public int PredictiveDraws { get; init; }
}

/// <summary>One sampled quantity in the manifest: its prior, convergence and posterior summary (null where undefined).</summary>
internal sealed record PosteriorQuantityEntry(string Name, string Prior, double? Rhat, double? EssBulk, double? EssTail, double? Mean, double? Median,
    double? Q025, double? Q975);

/// <summary>Two quantities whose posterior correlation exceeds 0.9 in size.</summary>
internal sealed record RidgeEntry(string First, string Second, double Correlation);
