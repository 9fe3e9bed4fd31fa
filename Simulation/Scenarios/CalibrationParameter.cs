namespace TrustSim.Scenarios;

/// <summary>
/// One parameter to calibrate: a numeric scenario key by path, the bounds the fit stays within, the
/// scale it is searched or sampled on, and (for the posterior method) its prior.
/// </summary>
internal sealed record CalibrationParameter
{
    [Parameter("scenario key to fit, as for --set (platform.sensitivity, shocks.1.severity)")]
    public string Path { get; init; } = "";

    [Parameter("lower bound")]
    public double? Min { get; init; }

    [Parameter("upper bound")]
    public double? Max { get; init; }

    [Parameter("search and sample on a log scale (min > 0); makes log_uniform the default prior")]
    public bool Log { get; init; }

    [Parameter("round values to whole numbers (optimize only: a posterior needs continuous parameters)")]
    public bool Integer { get; init; }

    /// <summary>The prior of the posterior method; null for the default (uniform, or log-uniform when <see cref="Log"/>).</summary>
    public PriorSettings? Prior { get; init; }

    /// <summary>The parameter as a range, in the form the optimiser's search space and the sweep designs share.</summary>
    public SweepParameter Bounds => new() { Path = Path, Min = Min, Max = Max, Log = Log, Integer = Integer };

    /// <summary>The prior's family: the one written, else uniform on a linear scale and log-uniform on a log scale.</summary>
    public PriorKind PriorKind => Prior?.Kind ?? (Log ? PriorKind.LogUniform : PriorKind.Uniform);
}
