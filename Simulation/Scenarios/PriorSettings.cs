namespace TrustSim.Scenarios;

/// <summary>
/// A calibrated parameter's prior (<c>calibrate.parameters[].prior</c>), always confined to the
/// parameter's [min, max]: uniform, log-uniform, a normal truncated to the range, or a beta
/// distribution stretched over it.
/// </summary>
internal sealed record PriorSettings
{
    [Parameter("prior family: uniform, log_uniform, normal or beta; left out: uniform, or log_uniform when log is true")]
    public PriorKind? Kind { get; init; }

    [Parameter("mean of a normal prior, within [min, max]")]
    public double? Mean { get; init; }

    [Parameter("standard deviation of a normal prior (> 0)")]
    public double? Sd { get; init; }

    [Parameter("first shape of a beta prior (> 0); the beta is stretched over [min, max]")]
    public double? A { get; init; }

    [Parameter("second shape of a beta prior (> 0)")]
    public double? B { get; init; }
}
