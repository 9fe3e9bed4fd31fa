using System.Collections;
using TrustSim.Core;

namespace TrustSim.Scenarios;

/// <summary>
/// Every key a scenario file may hold, walked from <see cref="Scenario"/> by reflection, with its
/// default. docs/scenarios.md is written from it and a test checks the docs still cover it.
/// Distributions are one key each; their own keys are listed once under <c>&lt;distribution&gt;</c>.
/// </summary>
internal static class ScenarioKeyCatalog
{
    public const string DistributionPrefix = "<distribution>";

    public static IReadOnlyList<ScenarioKeyEntry> Entries()
    {
        var entries = new List<ScenarioKeyEntry>();
        Walk(new Scenario(), typeof(Scenario), "", "scenario", entries);
        Walk(new Distribution(), typeof(Distribution), DistributionPrefix, "distribution", entries);
        return entries;
    }

    // Plain keys first, then sub-sections, so each section's own keys come before its children's.
    private static void Walk(object record, Type type, string prefix, string section, List<ScenarioKeyEntry> entries)
    {
        var keys = ScenarioShape.KeysOf(type);
        foreach (var key in keys.Where(k => !IsSection(k.Type)))
        {
            var path = prefix.Length == 0 ? key.Name : $"{prefix}.{key.Name}";
            entries.Add(new ScenarioKeyEntry(path, section, key, DefaultText(key.Property.GetValue(record))));
        }
        foreach (var key in keys.Where(k => IsSection(k.Type)))
        {
            var path = prefix.Length == 0 ? key.Name : $"{prefix}.{key.Name}";
            if (ScenarioShape.ListElement(key.Type) is { } element)
                Walk(Activator.CreateInstance(element)!, element, path + "[]", path + "[]", entries);
            else
                Walk(key.Property.GetValue(record) ?? Activator.CreateInstance(key.Type)!, key.Type, path, path, entries);
        }
    }

    private static bool IsSection(Type type) =>
        type != typeof(Distribution)
        && (ScenarioShape.IsRecord(type) || ScenarioShape.ListElement(type) is { } element && ScenarioShape.IsRecord(element));

    /// <summary>A default as a reader would write it: <c>0.25</c>, <c>[limited, full]</c>, <c>uniform(3, 4.5)</c>.</summary>
    public static string DefaultText(object? value) => value switch
    {
        Distribution d => Describe(d),
        string text => text.Length == 0 ? "\"\"" : text,
        IDictionary table => string.Join(", ", table.Keys.Cast<object>()
            .OrderBy(k => Convert.ToInt64(k, System.Globalization.CultureInfo.InvariantCulture))
            .Select(k => $"{SnakeCase.EnumName(k)} {ScenarioWriter.Scalar(table[k])}")),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object>().Select(ScenarioWriter.Scalar)) + "]",
        null => "none",
        _ => ScenarioWriter.Scalar(value),
    };

    private static string Describe(Distribution d) => d.Kind switch
    {
        DistributionKind.Constant => $"constant({N(d.Value)})",
        DistributionKind.Uniform => $"uniform({N(d.Min)}, {N(d.Max)})",
        DistributionKind.LogUniform => $"log_uniform({N(d.Min)}, {N(d.Max)})",
        DistributionKind.Normal => $"normal(mean {N(d.Mean)}, sd {N(d.Sd)})",
        DistributionKind.Beta => $"{N(d.Scale)} × beta({N(d.Alpha)}, {N(d.Beta)})",
        _ => d.Kind.ToString(),
    };

    private static string N(double value) => RangeText.Number(value);

    /// <summary>
    /// An axis label for a swept path: the key's meaning and unit from its [Parameter] attribute, then
    /// the path itself so the reader can find it in the scenario (<c>random scandals per year
    /// (per year): scandals.rate</c>). A list index (<c>shocks.0.severity</c>) and a distribution's own
    /// key (<c>bank_theta.min</c>) are looked up as the documented key they stand for; a path the
    /// catalogue does not know is returned as it is.
    /// </summary>
    public static string AxisLabel(string path)
    {
        if (ParameterOf(path) is not { } parameter) return path;
        var unit = parameter.Unit.Length > 0 ? $" ({parameter.Unit})" : "";
        return $"{Capitalised(parameter.Meaning)}{unit}: {path}";
    }

    /// <summary>The documented key a path (<c>shocks.0.severity</c>, <c>institutions.generated.bank_theta.min</c>) stands for; null when none.</summary>
    public static ParameterAttribute? ParameterOf(string path)
    {
        var parts = path.Split('.');
        var normalised = string.Join('.', parts.Select(p => p.All(char.IsAsciiDigit) ? null : p).Where(p => p is not null));
        var listPath = System.Text.RegularExpressions.Regex.Replace(path, @"\.(\d+)(?=\.|$)", "[]");
        var entries = Labels.Value;
        var parameter = entries.GetValueOrDefault(listPath) ?? entries.GetValueOrDefault(normalised);
        if (parameter is null && parts.Length > 1 && entries.GetValueOrDefault(string.Join('.', parts[..^1])) is { } owner)
            parameter = owner; // a distribution's min/max/mean: the quantity is the distribution's
        return parameter;
    }

    private static readonly Lazy<Dictionary<string, ParameterAttribute>> Labels = new(() =>
        Entries().Where(e => e.Parameter is not null).GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.First().Parameter!));

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
