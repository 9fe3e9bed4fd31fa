using TrustSim.Core;

namespace TrustSim.Scenarios;

/// <summary>
/// Checks every <see cref="Distribution"/> in a scenario, wherever it sits, against the rules of its
/// family: bounds in order, a positive lower bound for log_uniform, positive beta shapes; and that
/// every draw is a finite number (see <see cref="MaxMagnitude"/> and <see cref="MinBetaShape"/>).
/// </summary>
internal static class DistributionChecks
{
    /// <summary>
    /// Largest magnitude of any number that sets a distribution: value, min, max, mean, sd, scale,
    /// alpha, beta. Within it every draw is finite (a normal draw is at most about 9 sd from its mean,
    /// a uniform's width 2e12, a beta draw at most its scale) and stays finite through the model's
    /// arithmetic and the float of a user's concern; beyond it max - min or mean + sd x z can overflow.
    /// </summary>
    public const double MaxMagnitude = 1e12;

    /// <summary>Smallest log_uniform min: the ratio max/min then stays within 1e24.</summary>
    public const double MinLogUniformMin = 1 / MaxMagnitude;

    /// <summary>
    /// Smallest beta shape. A beta draw is x/(x + y) of two gamma draws, and a gamma draw of shape a
    /// below 1 carries a factor u^(1/a), which underflows to 0 for the smallest u the generator gives
    /// (2^-53) once 1/a passes about 20; both 0 gives 0/0 = NaN.
    /// </summary>
    public const double MinBetaShape = 0.05;

    public static void Check(Scenario scenario, ProblemSink sink) => Walk(scenario, typeof(Scenario), "", sink);

    private static void Walk(object record, Type type, string path, ProblemSink sink)
    {
        foreach (var key in ScenarioShape.KeysOf(type))
        {
            var childPath = path.Length == 0 ? key.Name : $"{path}.{key.Name}";
            var value = key.Property.GetValue(record);
            if (value is Distribution distribution)
                CheckOne(distribution, childPath, sink);
            else if (value is not null && ScenarioShape.IsRecord(key.Type))
                Walk(value, key.Type, childPath, sink);
            else if (value is System.Collections.IEnumerable items && ScenarioShape.ListElement(key.Type) is { } element && ScenarioShape.IsRecord(element))
            {
                var index = 0;
                foreach (var item in items)
                    Walk(item!, element, $"{childPath}.{index++}", sink);
            }
        }
    }

    private static void CheckOne(Distribution d, string path, ProblemSink sink)
    {
        switch (d.Kind)
        {
            case DistributionKind.Uniform or DistributionKind.LogUniform when d.Min > d.Max:
                sink.Report($"{path}: min ({RangeText.Number(d.Min)}) is larger than max ({RangeText.Number(d.Max)})", $"{path}.min", $"{path}.max", path);
                break;
            case DistributionKind.LogUniform when d.Min <= 0:
                sink.Report($"{path}: a log_uniform distribution needs min > 0, got {RangeText.Number(d.Min)}", $"{path}.min", path);
                break;
            case DistributionKind.Beta when d.Alpha <= 0 || d.Beta <= 0:
                sink.Report($"{path}: a beta distribution needs alpha > 0 and beta > 0", $"{path}.alpha", $"{path}.beta", path);
                break;
            default:
                CheckFinite(d, path, sink);
                break;
        }
    }

    // Each number a family's draw is computed from, by key; the first out of range is reported.
    private static void CheckFinite(Distribution d, string path, ProblemSink sink)
    {
        var kind = SnakeCase.EnumName(d.Kind);
        (string Key, double Value)[] numbers = d.Kind switch
        {
            DistributionKind.Constant => [("value", d.Value)],
            DistributionKind.Uniform or DistributionKind.LogUniform => [("min", d.Min), ("max", d.Max)],
            DistributionKind.Normal => [("mean", d.Mean), ("sd", d.Sd)],
            DistributionKind.Beta => [("alpha", d.Alpha), ("beta", d.Beta), ("scale", d.Scale)],
            _ => [],
        };
        foreach (var (key, value) in numbers)
        {
            if (!double.IsFinite(value) || Math.Abs(value) > MaxMagnitude)
            {
                sink.Report($"{path}.{key} = {RangeText.Number(value)} is too large for a {kind} distribution: its numbers must lie within ±{RangeText.Number(MaxMagnitude)} " +
                    "so that every draw is a finite number", $"{path}.{key}", path);
                return;
            }
        }
        if (d.Kind == DistributionKind.LogUniform && d.Min < MinLogUniformMin)
            sink.Report($"{path}.min = {RangeText.Number(d.Min)} is too small for a log_uniform distribution: min must be at least {RangeText.Number(MinLogUniformMin)} " +
                "so that log(max/min), and so every draw, is finite", $"{path}.min", path);
        else if (d.Kind == DistributionKind.Beta && Math.Min(d.Alpha, d.Beta) < MinBetaShape)
        {
            var key = d.Alpha < MinBetaShape ? "alpha" : "beta";
            sink.Report($"{path}.{key} = {RangeText.Number(key == "alpha" ? d.Alpha : d.Beta)} is too small: beta shapes must be at least {RangeText.Number(MinBetaShape)} " +
                "(smaller ones can make a draw 0/0, not a number)", $"{path}.{key}", path);
        }
    }
}
