namespace TrustSim.Reports;

/// <summary>The kinds of folder trustsim writes; <c>--force</c> replaces a folder only with one of its own kind.</summary>
internal enum OutputKind
{
    /// <summary><c>run</c>: timeseries.csv, summary.csv, events.csv, institutions.csv.</summary>
    Run,

    /// <summary><c>sweep</c> (every design, threshold included), a shard of one, or <c>merge</c>'s result.</summary>
    Sweep,

    /// <summary><c>compare</c>: comparison.csv.</summary>
    Comparison,

    /// <summary><c>calibrate</c>: fit.csv, trace.csv, fitted.yaml.</summary>
    Calibration,

    /// <summary><c>slurm</c>: the job scripts, logs/, shards/ and merged/.</summary>
    Slurm,

    /// <summary><c>discover</c>: discovery.json, trajectory.csv.</summary>
    Discovery,
}
