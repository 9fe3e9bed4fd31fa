using TrustSim.Core;
using TrustSim.Scenarios.Yaml;

namespace TrustSim.Scenarios;

/// <summary>
/// Resolves <c>extends: base.yaml</c> chains (paths relative to the extending file) into one
/// mapping. A base's own problems are reported under the base's file name.
/// </summary>
internal static class ScenarioInheritance
{
    /// <summary>Longer chains are certainly a mistake, and each link costs a file read.</summary>
    public const int MaxChain = 16;

    public const string Key = "extends";

    /// <summary>
    /// The merged mapping without <c>extends</c>, or null when a base could not be used. Each base
    /// read is added to <paramref name="references"/> with the line that named it.
    /// </summary>
    public static MappingNode? Resolve(MappingNode root, string displayPath, string fullPath, List<ScenarioProblem> problems, List<FileReference> references) =>
        Resolve(root, displayPath, [fullPath], [displayPath], problems, references);

    private static MappingNode? Resolve(MappingNode node, string display, List<string> chain, List<string> names, List<ScenarioProblem> problems, List<FileReference> references)
    {
        var entry = node.Find(Key);
        if (entry is null)
            return NodeMerge.Merge(null, node, typeof(Scenario), problems);
        if (entry.Value is not ScalarNode { IsNull: false } reference || reference.Text.Trim().Length == 0)
        {
            problems.Add(entry.Value.Spot.Problem("extends: expected the path of a base scenario file, relative to this one"));
            return null;
        }
        var relative = reference.Text.Trim();
        string full;
        try
        {
            full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(chain[^1]) ?? "", relative));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            problems.Add(reference.Spot.Problem($"extends: '{relative}' is not a usable path ({ex.Message})"));
            return null;
        }
        var baseDisplay = Path.Combine(Path.GetDirectoryName(display) ?? "", relative);
        var seen = chain.FindIndex(p => string.Equals(p, full, StringComparison.Ordinal));
        if (seen >= 0)
        {
            var cycle = string.Join(" -> ", names.Skip(seen).Append(baseDisplay));
            problems.Add(reference.Spot.Problem($"extends cycle: {cycle}"));
            return null;
        }
        if (chain.Count >= MaxChain)
        {
            problems.Add(reference.Spot.Problem($"extends chain longer than {MaxChain} files"));
            return null;
        }
        // Only a regular file of scenario size is opened: a base may be any path (/dev/zero, a FIFO),
        // and the refusal is reported here, on the extends line, not inside the file.
        var bytes = RegularFile.ReadAllBytes(full, ScenarioFileSource.MaxBytes);
        if (!bytes.Ok)
        {
            var reason = bytes.Problems[0];
            var where = reason == RegularFile.NotFound ? $"looked for {full}" : full;
            problems.Add(reference.Spot.Problem($"base scenario '{relative}' {reason} ({where})"));
            return null;
        }
        references.Add(new FileReference(baseDisplay, Key, reference.Spot));
        var text = ScenarioFileSource.Decode(bytes.Value, baseDisplay, problems);
        var baseRoot = text is null ? null : ScenarioDocument.ReadText(text, baseDisplay, problems);
        var resolvedBase = baseRoot is null ? null : Resolve(baseRoot, baseDisplay, [.. chain, full], [.. names, baseDisplay], problems, references);
        return resolvedBase is null ? null : NodeMerge.Merge(resolvedBase, node.Without(Key), typeof(Scenario), problems);
    }
}
