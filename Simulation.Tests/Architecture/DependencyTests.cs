using Xunit.Abstractions;

namespace TrustSim.Tests.Architecture;

/// <summary>
/// The folders of Simulation/ are layers, and an arrow between two folders may only point down.
/// This table is the architecture (docs/ARCHITECTURE.md draws it): a folder may use the folders
/// listed for it and nothing else. Namespaces follow folders, so a type's folder is the second
/// part of its namespace.
/// </summary>
public sealed class DependencyTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Core"] = [],
        ["Metrics"] = [],
        ["Scenarios"] = ["Core", "Metrics"],
        ["Model"] = ["Core", "Scenarios"],
        ["Engine"] = ["Core", "Metrics", "Scenarios", "Model"],
        ["Analysis"] = ["Core"],
        ["Experiments"] = ["Core", "Metrics", "Scenarios", "Model", "Engine", "Analysis"],
        ["Charts"] = ["Core", "Metrics", "Scenarios", "Model", "Engine", "Analysis"],
        ["Reports"] = ["Core", "Metrics", "Scenarios", "Model", "Engine", "Analysis", "Experiments", "Charts"],
        ["Benchmark"] = ["Core", "Metrics", "Scenarios", "Model", "Engine"],
        ["Cli"] = ["Core", "Metrics", "Scenarios", "Model", "Engine", "Analysis", "Experiments", "Charts", "Reports", "Benchmark"],
        [""] = ["Cli"], // Program.cs
    };

    [Fact]
    public void Print()
    {
        var module = AssemblyReferences.Load();
        var edges = AssemblyReferences.Uses(module)
            .Select(u => (From: Folder(u.User.Namespace), To: Folder(u.TargetNamespace), u.User.Name, u.Target))
            .Where(e => e.From is not null && e.To is not null && e.From != e.To)
            .GroupBy(e => (e.From, e.To));
        foreach (var g in edges.OrderBy(g => g.Key.From).ThenBy(g => g.Key.To))
        {
            var ok = Allowed.TryGetValue(g.Key.From!, out var a) && a.Contains(g.Key.To);
            output.WriteLine($"{(ok ? "  " : "XX")} {g.Key.From} -> {g.Key.To}: " + string.Join(", ", g.Select(e => $"{e.Name} uses {e.Target}").Distinct().Take(ok ? 3 : 50)));
        }
    }

    private static string? Folder(string ns) =>
        ns == "TrustSim" ? "" : ns.StartsWith("TrustSim.", StringComparison.Ordinal) ? ns.Split('.')[1] : null;
}
