using System.Collections;
using System.Globalization;
using TrustSim.Core;

namespace TrustSim.Scenarios;

/// <summary>Reads one value of a resolved scenario by its --set path (platform.sensitivity, shocks.1.severity).</summary>
internal static class ScenarioValues
{
    /// <summary>The number at <paramref name="path"/>, or null when the path names no number (or an absent one).</summary>
    public static double? Number(Scenario scenario, string path)
    {
        object? current = scenario;
        foreach (var segment in path.Split('.'))
        {
            current = current switch
            {
                null => null,
                IDictionary table => table.Keys.Cast<object>().FirstOrDefault(k => SnakeCase.EnumName(k) == segment) is { } key ? table[key] : null,
                IList list => int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < list.Count ? list[i] : null,
                _ => ScenarioShape.Find(current.GetType(), segment)?.Property.GetValue(current),
            };
        }
        return current switch
        {
            double d => d,
            int n => n,
            long n => n,
            ulong n => n,
            _ => null,
        };
    }
}
