using TrustSim.Scenarios;

namespace TrustSim.Experiments;

/// <summary>The full factorial design: every combination of every parameter's values, the last parameter varying fastest.</summary>
internal static class GridDesign
{
    public static IReadOnlyList<DesignPoint> Points(IReadOnlyList<SweepParameter> parameters)
    {
        var levels = parameters.Select(Values).ToArray();
        var total = levels.Aggregate(1L, (n, v) => n * v.Count);
        var points = new List<DesignPoint>((int)Math.Min(total, int.MaxValue));
        var index = new int[parameters.Count];
        for (var p = 0L; p < total; p++)
        {
            points.Add(new DesignPoint((int)p, index.Select((i, k) => levels[k][i]).ToArray()));
            for (var k = parameters.Count - 1; k >= 0; k--)
            {
                if (++index[k] < levels[k].Count) break;
                index[k] = 0;
            }
        }
        return points;
    }

    /// <summary>A parameter's grid values: explicit values, or min..max by count or by step (on a log scale if asked).</summary>
    public static IReadOnlyList<double> Values(SweepParameter p)
    {
        if (p.Values.Count > 0) return p.Values.Select(v => ParameterScale.Round(p, v)).ToArray();
        if (p.Min is not { } min || p.Max is not { } max) return [];
        if (p.Count is { } count)
            return Enumerable.Range(0, count)
                .Select(i => ParameterScale.FromUnit(p, count == 1 ? 0 : (double)i / (count - 1)))
                .ToArray();
        if (p.Step is { } step && step > 0)
        {
            var n = (int)Math.Floor((max - min) / step + 1e-9) + 1;
            return Enumerable.Range(0, n).Select(i => ParameterScale.Round(p, min + i * step)).ToArray();
        }
        return [min, max];
    }
}
