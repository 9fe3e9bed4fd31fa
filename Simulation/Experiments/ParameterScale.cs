using TrustSim.Scenarios;

namespace TrustSim.Experiments;

/// <summary>Maps a position u in [0,1] to a parameter's value between its bounds, linearly or on a log scale, rounded if integer.</summary>
internal static class ParameterScale
{
    public static double FromUnit(SweepParameter p, double u)
    {
        var min = p.Min ?? 0;
        var max = p.Max ?? 1;
        var value = p.Log ? Math.Exp(Math.Log(min) + u * (Math.Log(max) - Math.Log(min))) : min + u * (max - min);
        return Round(p, value);
    }

    public static double Round(SweepParameter p, double value) => p.Integer ? Math.Round(value, MidpointRounding.AwayFromZero) : value;
}
