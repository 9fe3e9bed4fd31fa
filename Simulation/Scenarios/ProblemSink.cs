using TrustSim.Scenarios.Yaml;

namespace TrustSim.Scenarios;

/// <summary>
/// Where cross-field checks report: at the spot a path was written, and not at all when one of the
/// values involved already failed to read (its default would make the check misleading).
/// </summary>
internal sealed class ProblemSink(SourceMap map, List<ScenarioProblem> problems, List<FileReference>? references = null)
{
    public SourceMap Map => map;

    /// <summary>Notes a file the scenario names (its problems are then shown as coming from that line).</summary>
    public void Refer(FileReference reference) => references?.Add(reference);

    /// <summary>Reports at the first of <paramref name="paths"/> the file wrote.</summary>
    public void Report(string message, params string[] paths)
    {
        if (paths.Any(map.Failed))
            return;
        problems.Add(map.AtFirstWritten(paths).Problem(message));
    }

    /// <summary>Adds a problem located elsewhere (a line of a data file the scenario names).</summary>
    public void Add(ScenarioProblem problem) => problems.Add(problem);
}
