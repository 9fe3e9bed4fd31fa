using System.Reflection;
using System.Text.RegularExpressions;

namespace TrustSim.Tests.Model;

/// <summary>
/// docs/ODD.md describes the model as implemented: it keeps the seven ODD headings in order, and
/// every submodel it names as (`Class.Method`) exists in TrustSim.Model, so a renamed or removed
/// method breaks this test instead of leaving the document behind.
/// </summary>
public sealed partial class OddDocumentTests
{
    private static readonly string[] OddHeadings =
    [
        "Purpose and patterns",
        "Entities, state variables and scales",
        "Process overview and scheduling",
        "Design concepts",
        "Initialization",
        "Input data",
        "Submodels",
    ];

    [GeneratedRegex(@"^###\s+.+\(`(?<class>[A-Za-z_][A-Za-z0-9_]*)\.(?<method>[A-Za-z_][A-Za-z0-9_]*)`\)\s*$")]
    private static partial Regex SubmodelHeading();

    [Fact]
    public void Document_OddHeadings_ArePresentInOrder()
    {
        var lines = ReadOdd();
        var previous = -1;
        foreach (var heading in OddHeadings)
        {
            var at = Array.FindIndex(lines, l => l.TrimEnd() == "## " + heading);
            Assert.True(at >= 0, $"docs/ODD.md has no heading '## {heading}'");
            Assert.True(at > previous, $"'## {heading}' is out of order in docs/ODD.md");
            previous = at;
        }
    }

    [Fact]
    public void Submodels_EachHeading_NamesAnExistingModelMethod()
    {
        var headings = SubmodelHeadings(ReadOdd());
        Assert.True(headings.Count >= 9, $"expected the nine step phases and the initialization submodels, found {headings.Count}");
        var assembly = typeof(TrustSim.Model.World).Assembly;
        const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        foreach (var (type, method) in headings)
        {
            var t = assembly.GetType("TrustSim.Model." + type);
            Assert.True(t is not null, $"docs/ODD.md names class TrustSim.Model.{type}, which does not exist");
            Assert.True(t!.GetMethods(Any).Any(m => m.Name == method),
                $"docs/ODD.md names {type}.{method}, but TrustSim.Model.{type} has no method {method}");
        }
    }

    [Fact]
    public void Submodels_StepPhases_FollowTheOrderOfWorldStep()
    {
        string[] phases =
        [
            "Platform.Relaxation", "World.Events", "World.Breaches", "Platform.GrowReach", "UserPopulation.Adoption",
            "Institutions.ModeChoice", "Institutions.Spillover", "World.RegulatorUpdate", "World.Accounting",
        ];
        var named = SubmodelHeadings(ReadOdd()).Select(h => $"{h.Type}.{h.Method}").ToList();
        Assert.Equal(phases, named.Take(phases.Length));
    }

    /// <summary>The (`Class.Method`) headings between "## Submodels" and the next "## " heading.</summary>
    private static List<(string Type, string Method)> SubmodelHeadings(string[] lines)
    {
        var start = Array.FindIndex(lines, l => l.TrimEnd() == "## Submodels");
        Assert.True(start >= 0, "docs/ODD.md has no '## Submodels' heading");
        var found = new List<(string, string)>();
        for (var i = start + 1; i < lines.Length && !lines[i].StartsWith("## ", StringComparison.Ordinal); i++)
        {
            var match = SubmodelHeading().Match(lines[i]);
            if (match.Success) found.Add((match.Groups["class"].Value, match.Groups["method"].Value));
        }
        return found;
    }

    private static string[] ReadOdd() => File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "ODD.md"));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrustSim.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"no folder holding TrustSim.sln above {AppContext.BaseDirectory}");
    }
}
