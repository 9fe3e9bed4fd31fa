using System.Globalization;

namespace TrustSim.Scenarios;

/// <summary>Words for a [Parameter]'s allowed range, shared by messages and docs so they agree.</summary>
internal static class RangeText
{
    /// <summary>Completes "x = 1.5 is ...": "outside [0, 1]", "below the minimum 1" or "above the maximum 5".</summary>
    public static string Describe(ParameterAttribute parameter) =>
        (HasMin(parameter), HasMax(parameter)) switch
        {
            (true, true) => $"outside {Interval(parameter)}",
            (true, false) => $"below the minimum {Number(parameter.Min)}",
            _ => $"above the maximum {Number(parameter.Max)}",
        };

    /// <summary>"[0, 1]", "≥ 0", "≤ 5" or "any".</summary>
    public static string Interval(ParameterAttribute parameter) =>
        (HasMin(parameter), HasMax(parameter)) switch
        {
            (true, true) => $"[{Number(parameter.Min)}, {Number(parameter.Max)}]",
            (true, false) => $"≥ {Number(parameter.Min)}",
            (false, true) => $"≤ {Number(parameter.Max)}",
            _ => "any",
        };

    public static string Number(double value) => value.ToString("G", CultureInfo.InvariantCulture);

    private static bool HasMin(ParameterAttribute parameter) => !double.IsNegativeInfinity(parameter.Min);

    private static bool HasMax(ParameterAttribute parameter) => !double.IsPositiveInfinity(parameter.Max);
}
