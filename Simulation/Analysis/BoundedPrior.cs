using System.Globalization;
using MathNet.Numerics;

namespace TrustSim.Analysis;

/// <summary>
/// A proper prior density on [<see cref="Min"/>, <see cref="Max"/>] (parameter units): uniform;
/// log-uniform (density proportional to 1/x, Min &gt; 0); a normal truncated to the interval; or a
/// beta distribution stretched over it. Each density integrates to one over the interval, so the log
/// posterior the calibration reports is a true log density, not one up to an unknown constant.
/// </summary>
internal sealed class BoundedPrior
{
    private readonly double _first;
    private readonly double _second;
    private readonly double _logNormaliser;
    private readonly double _lowerMass;
    private readonly double _mass;

    private BoundedPrior(PriorShape shape, double min, double max, double first, double second)
    {
        if (!(min < max)) throw new ArgumentException($"the prior's range [{min}, {max}] is empty");
        Shape = shape;
        Min = min;
        Max = max;
        _first = first;
        _second = second;
        switch (shape)
        {
            case PriorShape.Uniform:
                _logNormaliser = -Math.Log(max - min);
                break;
            case PriorShape.LogUniform:
                if (!(min > 0)) throw new ArgumentException("a log-uniform prior needs min > 0");
                _logNormaliser = -Math.Log(Math.Log(max) - Math.Log(min));
                break;
            case PriorShape.Normal:
                if (!(second > 0)) throw new ArgumentException("a normal prior needs sd > 0");
                _lowerMass = MathNet.Numerics.Distributions.Normal.CDF(first, second, min);
                _mass = MathNet.Numerics.Distributions.Normal.CDF(first, second, max) - _lowerMass;
                _logNormaliser = -Math.Log(second) - 0.5 * Math.Log(2 * Math.PI) - Math.Log(_mass);
                break;
            default:
                if (!(first > 0 && second > 0)) throw new ArgumentException("a beta prior needs a > 0 and b > 0");
                _logNormaliser = -SpecialFunctions.BetaLn(first, second) - Math.Log(max - min);
                break;
        }
    }

    public PriorShape Shape { get; }

    public double Min { get; }

    public double Max { get; }

    public static BoundedPrior Uniform(double min, double max) => new(PriorShape.Uniform, min, max, 0, 0);

    public static BoundedPrior LogUniform(double min, double max) => new(PriorShape.LogUniform, min, max, 0, 0);

    /// <summary>A normal of <paramref name="mean"/> and <paramref name="sd"/>, truncated to [min, max] and renormalised.</summary>
    public static BoundedPrior Normal(double mean, double sd, double min, double max) => new(PriorShape.Normal, min, max, mean, sd);

    /// <summary>Beta(<paramref name="a"/>, <paramref name="b"/>) of (x - min)/(max - min).</summary>
    public static BoundedPrior Beta(double a, double b, double min, double max) => new(PriorShape.Beta, min, max, a, b);

    /// <summary>ln of the density at <paramref name="x"/>; negative infinity outside [Min, Max].</summary>
    public double LogDensity(double x)
    {
        if (!(x >= Min && x <= Max)) return double.NegativeInfinity;
        switch (Shape)
        {
            case PriorShape.Uniform:
                return _logNormaliser;
            case PriorShape.LogUniform:
                return _logNormaliser - Math.Log(x);
            case PriorShape.Normal:
                var r = (x - _first) / _second;
                return _logNormaliser - 0.5 * r * r;
            default:
                var t = (x - Min) / (Max - Min);
                return _logNormaliser + (_first - 1) * Math.Log(t) + (_second - 1) * Math.Log(1 - t);
        }
    }

    public double Density(double x) => Math.Exp(LogDensity(x));

    /// <summary>
    /// ln of the density of z, where x = <see cref="LogitScale.Value"/>(z, Min, Max, <paramref name="log"/>):
    /// the density of x times |dx/dz|. A beta prior on a linear scale is computed from ln u and ln(1-u)
    /// directly, because its density can be infinite at a bound where the Jacobian is zero.
    /// </summary>
    public double LogDensityOfLogit(double z, bool log)
    {
        if (Shape == PriorShape.Beta && !log)
        {
            // t = u: Beta(u) / (max - min) times (max - min) u (1 - u) = u^a (1-u)^b / B(a, b).
            return _logNormaliser + Math.Log(Max - Min) + _first * LogitScale.LogPosition(z) + _second * LogitScale.LogComplement(z);
        }
        var x = LogitScale.Value(z, Min, Max, log);
        return LogDensity(x) + LogitScale.LogJacobian(z, Min, Max, log);
    }

    /// <summary>The value below which a share <paramref name="p"/> (0-1) of the prior lies.</summary>
    public double Quantile(double p)
    {
        p = Math.Clamp(p, 0, 1);
        return Shape switch
        {
            PriorShape.Uniform => Min + p * (Max - Min),
            PriorShape.LogUniform => Math.Exp(Math.Log(Min) + p * (Math.Log(Max) - Math.Log(Min))),
            PriorShape.Normal => Math.Clamp(MathNet.Numerics.Distributions.Normal.InvCDF(_first, _second, _lowerMass + p * _mass), Min, Max),
            _ => Min + (Max - Min) * MathNet.Numerics.Distributions.Beta.InvCDF(_first, _second, p),
        };
    }

    /// <summary>The prior in words, for tables and chart legends: "normal(3, 1) on [0.5, 10]".</summary>
    public string Describe()
    {
        var range = $"[{N(Min)}, {N(Max)}]";
        return Shape switch
        {
            PriorShape.Uniform => $"uniform on {range}",
            PriorShape.LogUniform => $"log-uniform on {range}",
            PriorShape.Normal => $"normal({N(_first)}, {N(_second)}) on {range}",
            _ => $"beta({N(_first)}, {N(_second)}) on {range}",
        };
    }

    private static string N(double x) => x.ToString("G4", CultureInfo.InvariantCulture);
}
