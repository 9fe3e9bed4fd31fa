using TrustSim.Scenarios;

namespace TrustSim.Experiments;

/// <summary>
/// The unbounded space the optimiser searches: each coordinate z maps through the logistic
/// function to a position u in (0,1) between the parameter's bounds, linearly or on a log scale
/// (<see cref="ParameterScale"/>), so every point Nelder-Mead tries is a valid parameter vector.
/// </summary>
internal static class CalibrationSpace
{
    // Keeps starting points off the bounds, where the logistic map is flat and the search would stall.
    private const double Edge = 1e-3;

    public static double[] ToValues(IReadOnlyList<SweepParameter> parameters, IReadOnlyList<double> z) =>
        parameters.Select((p, k) => ParameterScale.FromUnit(p, 1 / (1 + Math.Exp(-z[k])))).ToArray();

    /// <summary>The z of a value, the value clamped just inside its bounds.</summary>
    public static double ToZ(SweepParameter p, double value)
    {
        var u = Math.Clamp(ToUnit(p, value), Edge, 1 - Edge);
        return Math.Log(u / (1 - u));
    }

    public static double ToZFromUnit(double u)
    {
        u = Math.Clamp(u, Edge, 1 - Edge);
        return Math.Log(u / (1 - u));
    }

    /// <summary>Position of a value between the bounds of <paramref name="p"/>: 0 at min, 1 at max.</summary>
    public static double ToUnit(SweepParameter p, double value)
    {
        double min = p.Min ?? 0, max = p.Max ?? 1;
        return p.Log ? (Math.Log(value) - Math.Log(min)) / (Math.Log(max) - Math.Log(min)) : (value - min) / (max - min);
    }
}
