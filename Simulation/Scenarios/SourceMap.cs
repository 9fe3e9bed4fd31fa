using TrustSim.Scenarios.Yaml;

namespace TrustSim.Scenarios;

/// <summary>
/// Where each value of a resolved scenario was written (paths like <c>shocks.0.date</c>), so that
/// checks made on the finished records can still point at the line to fix.
/// </summary>
internal sealed class SourceMap(SourceSpot root)
{
    private readonly Dictionary<string, SourceSpot> _spots = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);

    public SourceSpot Root { get; } = root;

    public void Record(string path, SourceSpot spot) => _spots[path] = spot;

    /// <summary>Marks a value that could not be read, so cross-checks do not pile on with its default.</summary>
    public void MarkFailed(string path) => _failed.Add(path);

    public bool Written(string path) => _spots.ContainsKey(path);

    /// <summary>True when the value at <paramref name="path"/>, or anything inside it, could not be read.</summary>
    public bool Failed(string path) => _failed.Any(f => f == path || f.StartsWith(path + ".", StringComparison.Ordinal));

    /// <summary>The spot of the path, else of its nearest written parent, else the file's start.</summary>
    public SourceSpot At(string path)
    {
        for (var p = path; p.Length > 0; p = Parent(p))
        {
            if (_spots.TryGetValue(p, out var spot))
                return spot;
        }
        return Root;
    }

    /// <summary>The first of <paramref name="paths"/> that was written, for a check about several keys.</summary>
    public SourceSpot AtFirstWritten(params string[] paths) =>
        paths.Where(Written).Select(At).DefaultIfEmpty(At(paths[0])).First();

    private static string Parent(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot < 0 ? "" : path[..dot];
    }
}
