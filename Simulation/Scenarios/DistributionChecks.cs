namespace TrustSim.Scenarios;

/// <summary>
/// Checks every <see cref="Distribution"/> in a scenario, wherever it sits, against the rules of its
/// family: bounds in order, a positive lower bound for log_uniform, positive beta shapes.
/// </summary>
internal static class DistributionChecks
{
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
        }
    }
}
