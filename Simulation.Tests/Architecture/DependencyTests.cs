namespace TrustSim.Tests.Architecture;

/// <summary>
/// The folders of Simulation/ are layers and every arrow between two of them points down. This
/// table is the architecture (docs/ARCHITECTURE.md draws it): a folder may use the folders listed
/// for it and nothing else. Namespaces follow folders, so a type's folder is the second part of its
/// namespace; the uses are read from the compiled assembly (<see cref="AssemblyReferences"/>).
/// </summary>
public sealed class DependencyTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Core"] = [],
        ["Metrics"] = ["Core"],
        ["Scenarios"] = ["Core", "Metrics"],
        ["Model"] = ["Core", "Scenarios"],
        ["Engine"] = ["Core", "Metrics", "Scenarios", "Model"],
        ["Analysis"] = ["Core"],
        ["Experiments"] = ["Core", "Metrics", "Scenarios", "Model", "Engine", "Analysis"],
        ["Charts"] = ["Core", "Metrics", "Scenarios", "Model", "Engine", "Analysis", "Experiments"],
        ["Reports"] = ["Core", "Metrics", "Scenarios", "Model", "Engine", "Analysis", "Experiments", "Charts"],
        ["Benchmark"] = ["Core", "Metrics", "Scenarios", "Model", "Engine", "Experiments", "Reports"],
        ["Cli"] = ["Core", "Metrics", "Scenarios", "Model", "Engine", "Analysis", "Experiments", "Charts", "Reports", "Benchmark"],
        [""] = ["Cli"], // Program.cs, in the root namespace
    };

    [Fact]
    public void Uses_EveryFolderToFolderArrow_IsInTheAllowedTable()
    {
        var offenders = Arrows()
            .Where(a => !(Allowed.TryGetValue(a.From, out var to) && to.Contains(a.To)))
            .Select(a => $"{Name(a.From)} -> {Name(a.To)}: {a.User} uses {a.Target}")
            .Distinct()
            .ToList();

        Assert.True(offenders.Count == 0, "arrows outside the table in DependencyTests:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Uses_ScenariosYaml_IsTheParserLayerBelowTheScenarioRecords()
    {
        // Scenarios/Yaml reads text into located nodes and problems; the records, defaults and
        // validation above it use it, never the other way round.
        var offenders = AssemblyReferences.Uses(AssemblyReferences.Load())
            .Where(u => u.User.Namespace == "TrustSim.Scenarios.Yaml" && u.TargetNamespace == "TrustSim.Scenarios")
            .Select(u => $"{u.User.FullName} uses {u.Target}")
            .Distinct()
            .ToList();

        Assert.True(offenders.Count == 0, "Scenarios/Yaml uses the layer above it:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Uses_FolderGraph_HasNoCycle()
    {
        var edges = Arrows().Select(a => (a.From, a.To)).Distinct().ToList();
        var remaining = edges.SelectMany(e => new[] { e.From, e.To }).ToHashSet();

        // Kahn's algorithm: peel off folders that use nothing still remaining; a cycle is what is left.
        bool peeled;
        do
        {
            var leaves = remaining.Where(f => !edges.Any(e => e.From == f && e.To != f && remaining.Contains(e.To))).ToList();
            peeled = leaves.Count > 0;
            remaining.ExceptWith(leaves);
        } while (peeled);

        Assert.True(remaining.Count == 0, "folders that use each other in a circle: " + string.Join(", ", remaining.Select(Name)));
    }

    [Fact]
    public void Allowed_Table_IsItselfAcyclicAndNamesRealFolders()
    {
        var folders = Directory.GetDirectories(Path.Combine(Paths.RepositoryRoot(), "Simulation"))
            .Select(Path.GetFileName).Where(f => f is not ("bin" or "obj" or "Assets" or "Properties")).ToHashSet(); // Properties: publish profiles

        Assert.Equal(folders.Order(), Allowed.Keys.Where(k => k != "").Order());
        // Every folder may use only folders that come earlier in the table's order: the layers.
        var order = Allowed.Keys.ToList();
        foreach (var (from, to) in Allowed)
            Assert.All(to, t => Assert.True(order.IndexOf(t) < order.IndexOf(from), $"{from} -> {t} points up"));
    }

    [Fact]
    public void Types_Namespace_FollowsTheFolder()
    {
        var root = Path.Combine(Paths.RepositoryRoot(), "Simulation");
        var offenders = Paths.SourceFiles(root)
            .Select(f => (File: Path.GetRelativePath(root, f), Namespace: FileNamespace(f)))
            .Where(f => f.Namespace is not null && f.Namespace != ExpectedNamespace(f.File))
            .Select(f => $"{f.File}: namespace {f.Namespace}, expected {ExpectedNamespace(f.File)}")
            .ToList();

        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    private static string ExpectedNamespace(string relativeFile)
    {
        var folders = Path.GetDirectoryName(relativeFile)!.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        return string.Join('.', new[] { "TrustSim" }.Concat(folders));
    }

    private static string? FileNamespace(string file) =>
        File.ReadLines(file).FirstOrDefault(l => l.StartsWith("namespace ", StringComparison.Ordinal))?["namespace ".Length..].TrimEnd(';', ' ');

    private sealed record Arrow(string From, string To, string User, string Target);

    private static List<Arrow> Arrows() =>
        AssemblyReferences.Uses(AssemblyReferences.Load())
            .Select(u => (From: Folder(u.User.Namespace), To: Folder(u.TargetNamespace), u.User.FullName, u.Target))
            .Where(e => e.From is not null && e.To is not null && e.From != e.To)
            .Select(e => new Arrow(e.From!, e.To!, e.FullName, e.Target))
            .ToList();

    private static string? Folder(string ns) =>
        ns == "TrustSim" ? "" : ns.StartsWith("TrustSim.", StringComparison.Ordinal) ? ns.Split('.')[1] : null;

    private static string Name(string folder) => folder == "" ? "(root)" : folder;
}
