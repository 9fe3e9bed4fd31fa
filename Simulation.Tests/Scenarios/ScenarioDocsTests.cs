using System.Reflection;
using System.Text.RegularExpressions;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Scenarios;

public sealed class ScenarioDocsTests
{
    private static readonly string Docs = File.ReadAllText(FindDocs());

    [Fact]
    public void Docs_EveryParameterKey_IsListed()
    {
        var missing = ScenarioKeyCatalog.Entries()
            .Where(e => e.Parameter is not null && !Docs.Contains($"`{e.Path}`", StringComparison.Ordinal))
            .Select(e => e.Path)
            .ToList();

        Assert.True(missing.Count == 0, "docs/scenarios.md does not list: " + string.Join(", ", missing));
    }

    [Fact]
    public void Docs_EveryKeyRange_MatchesAttribute()
    {
        foreach (var entry in ScenarioKeyCatalog.Entries().Where(e => e.Parameter is { } p && !double.IsInfinity(p.Min) && !double.IsInfinity(p.Max)))
        {
            var row = Docs.Split('\n').First(l => l.StartsWith($"| `{entry.Path}` |", StringComparison.Ordinal));
            var interval = new Regex(@"\[(-?[\d.e+-]+), (-?[\d.e+-]+)\]").Match(row);
            Assert.True(interval.Success, $"no range in the docs row of {entry.Path}");
            Assert.Equal(entry.Parameter!.Min, double.Parse(interval.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(entry.Parameter.Max, double.Parse(interval.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Catalog_EveryParameterProperty_IsReachable()
    {
        var catalogued = ScenarioKeyCatalog.Entries().Select(e => e.Key.Property).ToHashSet();
        var declared = typeof(Scenario).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Scenario).Namespace)
            .SelectMany(t => t.GetProperties().Where(p => p.GetCustomAttribute<ParameterAttribute>() is not null));

        Assert.Empty(declared.Where(p => !catalogued.Contains(p)).Select(p => $"{p.DeclaringType!.Name}.{p.Name}"));
    }

    [Fact]
    public void Docs_Example_LoadsWithoutProblems()
    {
        var example = Regex.Match(Docs, "```yaml\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;

        var result = ScenarioLoader.LoadText(example, "docs-example.yaml");

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(101, ScenarioSchedule.ShockSteps(result.Scenario!)[0]);
        Assert.Equal(new DateOnly(2021, 4, 5), ScenarioSchedule.LastDate(result.Scenario!.Time));
    }

    private static string FindDocs() => Path.Combine(Paths.RepositoryRoot(), "docs", "scenarios.md");
}
