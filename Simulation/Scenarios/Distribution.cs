namespace TrustSim.Scenarios;

/// <summary>
/// A random distribution named in a scenario. Which fields matter depends on <see cref="Kind"/>:
/// constant (value), uniform and log_uniform (min, max), normal (mean, sd), beta (alpha, beta, scale).
/// </summary>
internal sealed record Distribution
{
    [Parameter("family: constant, uniform, normal, beta or log_uniform")]
    public DistributionKind Kind { get; init; } = DistributionKind.Constant;

    [Parameter("value of a constant distribution")]
    public double Value { get; init; }

    [Parameter("lower bound (uniform, log_uniform)")]
    public double Min { get; init; }

    [Parameter("upper bound (uniform, log_uniform)")]
    public double Max { get; init; }

    [Parameter("mean (normal)")]
    public double Mean { get; init; }

    [Parameter("standard deviation (normal)", Min = 0)]
    public double Sd { get; init; }

    [Parameter("first shape parameter (beta)", Min = 0)]
    public double Alpha { get; init; } = 2;

    [Parameter("second shape parameter (beta)", Min = 0)]
    public double Beta { get; init; } = 2;

    [Parameter("multiplier applied to a beta draw", Min = 0)]
    public double Scale { get; init; } = 1;

    public static Distribution Constant(double value) => new() { Kind = DistributionKind.Constant, Value = value };

    public static Distribution Uniform(double min, double max) => new() { Kind = DistributionKind.Uniform, Min = min, Max = max };

    public static Distribution Normal(double mean, double sd) => new() { Kind = DistributionKind.Normal, Mean = mean, Sd = sd };

    public static Distribution ScaledBeta(double alpha, double beta, double scale) =>
        new() { Kind = DistributionKind.Beta, Alpha = alpha, Beta = beta, Scale = scale };

    public static Distribution LogUniform(double min, double max) => new() { Kind = DistributionKind.LogUniform, Min = min, Max = max };

    /// <summary>Expected value, used by analytical tests and docs.</summary>
    public double ExpectedValue => Kind switch
    {
        DistributionKind.Constant => Value,
        DistributionKind.Uniform => (Min + Max) / 2,
        DistributionKind.Normal => Mean,
        DistributionKind.Beta => Scale * Alpha / (Alpha + Beta),
        DistributionKind.LogUniform => (Max - Min) / Math.Log(Max / Min),
        _ => double.NaN,
    };
}
