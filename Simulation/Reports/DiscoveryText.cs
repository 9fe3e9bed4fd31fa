using System.Globalization;
using System.Text.Json.Nodes;
using TrustSim.Analysis.Discovery;

namespace TrustSim.Reports;

/// <summary>How a discovery is put in words and in discovery.json: the boxes, their limits, and why covering stopped.</summary>
internal static class DiscoveryText
{
    public static DiscoveryDocument Document(DiscoveryRun run)
    {
        var data = run.Prepared.Data;
        var inputs = data.Inputs.Select(i => i.IsCategorical
            ? new DiscoveryInput(i.Name, "categorical", null, null, i.Categories)
            : new DiscoveryInput(i.Name, "numeric", i.Min, i.Max, null)).ToList();
        var boxes = run.Result.Boxes.Select((r, b) => new DiscoveryBox(b + 1, r.Number, r.Final.Coverage, r.Final.Density, r.Final.Mass, r.Final.Cases,
            r.Final.Interesting, r.Picked, r.Final.Step,
            r.Restrictions.ToDictionary(x => data.Inputs[x.Input].Name, x => Limits(data, x)),
            r.Restrictions.ToDictionary(x => data.Inputs[x.Input].Name, x => x.QuasiP),
            r.Dropped.Select(x => new DroppedRestriction(data.Inputs[x.Input].Name, Limits(data, x), x.QuasiP)).ToList())).ToList();
        var last = run.Result.Rounds.LastOrDefault(r => !r.Accepted);
        var stop = new DiscoveryStop(Reason(run.Result, run.Settings, data), last?.Number, last?.Picked, last is { Picked: >= 0 } ? last.Final.Step : null);
        var s = run.Settings;
        var settings = new DiscoverySettings(s.PeelAlpha, s.PasteAlpha, s.MinMass, s.Significance, s.Density is null ? "knee" : "density", s.Density,
            s.MaxBoxes, s.Prune);
        return new DiscoveryDocument(run.Cases.Name, run.Source, DiscoverySource.Word(run.Cases.Unit), run.Where, data.Cases, run.Prepared.LeftOut,
            data.Interesting, (double)data.Interesting / data.Cases, settings, inputs, boxes, stop);
    }

    /// <summary>[low, high] for a numeric restriction, the kept categories for a categorical one.</summary>
    public static JsonNode Limits(PrimData data, Restriction restriction)
    {
        var input = data.Inputs[restriction.Input];
        return input.IsCategorical
            ? new JsonArray(restriction.Kept.Select(c => (JsonNode)JsonValue.Create(input.Categories[c])).ToArray())
            : new JsonArray(JsonValue.Create(restriction.Low), JsonValue.Create(restriction.High));
    }

    /// <summary>Why covering stopped, in a sentence.</summary>
    public static string Reason(PrimResult result, PrimSettings settings, PrimData data)
    {
        var last = result.Rounds.LastOrDefault();
        string sig = Num(settings.Significance);
        switch (result.Stop)
        {
            case PrimStop.MaxBoxes:
                return $"found the {settings.MaxBoxes} box{(settings.MaxBoxes == 1 ? "" : "es")} allowed (--max-boxes {settings.MaxBoxes}); more may remain";
            case PrimStop.Exhausted:
                return "every case of interest lies in a box found";
            case PrimStop.FewLeft:
                int left = data.Interesting - result.Boxes.Sum(b => b.Final.Interesting);
                return $"only {left} case{(left == 1 ? "" : "s")} of interest {(left == 1 ? "is" : "are")} left outside the boxes, fewer than the " +
                    $"{Prim.FewestLeft} a further box needs";
            case PrimStop.DensityNotReached:
                return $"search {last!.Number}: no box on its trajectory reaches density {Num(settings.Density ?? 1)} " +
                    $"(the densest reaches {Num(last.Steps.Take(last.PeelSteps).Max(s => s.Density))})";
            case PrimStop.NothingToPeel:
                return $"search {last!.Number}: the {Count(last.Searched)} cases left cannot be peeled without the box falling below the minimum mass " +
                    $"({Num(settings.MinMass)} of all cases)";
            default:
                if (last!.Picked == 0)
                    return $"search {last.Number}: the knee of its trajectory is the whole of the {Count(last.Searched)} cases searched: no box on it " +
                        "gains more density than it loses coverage, so there is no box to test";
                var tried = last.Dropped.Concat(last.Restrictions).ToList();
                if (tried.Count == 0) return $"search {last.Number}: its box restricts no input";
                var best = tried.MinBy(r => r.QuasiP)!;
                return $"search {last.Number}: no restriction of its box has a quasi-p-value at or below {sig} " +
                    $"(the lowest: {data.Inputs[best.Input].Name}, {P(best.QuasiP)})";
        }
    }

    /// <summary>A quasi-p-value in words: two significant digits, the smallest as a bound (the binomial tail underflows).</summary>
    public static string P(double p) => Charts.BoxLimitsChart.P(p);

    public static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string Num(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
}
