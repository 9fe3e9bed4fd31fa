using TrustSim.Scenarios.Yaml;

namespace TrustSim.Scenarios;

/// <summary>
/// Loads a scenario: reads the YAML, resolves <c>extends</c>, applies <c>--set</c> overrides, maps
/// onto the records and checks them. Bad input never throws; it comes back as located problems.
/// </summary>
internal static class ScenarioLoader
{
    /// <summary>Beyond this the list stops helping; the rest are usually echoes of the same mistake.</summary>
    public const int MaxProblems = 100;

    /// <summary>Loads the scenario file at <paramref name="path"/> with <c>path.to.key=value</c> overrides.</summary>
    public static LoadResult Load(string path, IReadOnlyList<string>? overrides = null)
    {
        var problems = new List<ScenarioProblem>();
        try
        {
            var root = ScenarioDocument.ReadFile(path, path, problems);
            return Resolve(root, path, overrides ?? [], problems, checkWrittenSize: true);
        }
        catch (Exception ex)
        {
            return Unexpected(path, ex, problems);
        }
    }

    /// <summary>
    /// Loads scenario text as if read from <paramref name="fileName"/>, which names it in problems and
    /// anchors relative <c>extends</c> paths.
    /// </summary>
    public static LoadResult LoadText(string text, string fileName = "scenario.yaml", IReadOnlyList<string>? overrides = null)
    {
        var problems = new List<ScenarioProblem>();
        try
        {
            var root = ScenarioDocument.ReadText(text, fileName, problems);
            return Resolve(root, fileName, overrides ?? [], problems, checkWrittenSize: false);
        }
        catch (Exception ex)
        {
            return Unexpected(fileName, ex, problems);
        }
    }

    /// <summary>
    /// Scenario text read once, to be resolved with many sets of overrides (<see cref="LoadParsed"/>): a
    /// sweep's design points differ only in their overrides. Null when the text itself has problems.
    /// </summary>
    public static MappingNode? Parse(string text, string fileName)
    {
        var problems = new List<ScenarioProblem>();
        try
        {
            var root = ScenarioDocument.ReadText(text, fileName, problems);
            return problems.Count == 0 ? root : null;
        }
        catch (Exception)
        {
            return null; // LoadText on the same text reports it
        }
    }

    /// <summary>
    /// The scenario of text <see cref="Parse"/>d earlier, with <paramref name="overrides"/>, as
    /// <see cref="LoadText"/> would give it. Problems are located in the parsed text's name; a caller
    /// that shows them under another name loads the text again with that name.
    /// </summary>
    public static LoadResult LoadParsed(MappingNode root, string fileName, IReadOnlyList<string> overrides)
    {
        var problems = new List<ScenarioProblem>();
        try
        {
            return Resolve(root, fileName, overrides, problems, checkWrittenSize: false);
        }
        catch (Exception ex)
        {
            return Unexpected(fileName, ex, problems);
        }
    }

    /// <summary>The first step dated on or after <paramref name="date"/> (see <see cref="ScenarioSchedule"/>).</summary>
    public static int StepOf(Scenario scenario, DateOnly date) => ScenarioSchedule.StepOf(scenario.Time, date);

    // A scenario loaded from a file is one a command may write back as scenario.yaml, which resume,
    // shards and re-runs read with this same loader; text (design points, calibration steps) is not written.
    private static LoadResult Resolve(MappingNode? root, string fileName, IReadOnlyList<string> overrides, List<ScenarioProblem> problems, bool checkWrittenSize)
    {
        var references = new List<FileReference>();
        if (root is null)
            return Failed(fileName, problems, references);
        var merged = ScenarioInheritance.Resolve(root, fileName, Path.GetFullPath(fileName), problems, references);
        if (merged is null)
            return Failed(fileName, problems, references);
        merged = ScenarioOverrides.Apply(merged, overrides, problems);
        var map = new SourceMap(SourceSpot.StartOf(fileName));
        var scenario = new ScenarioMapper(map, problems).MapRoot(merged, requireName: true);
        var sink = new ProblemSink(map, problems, references);
        scenario = ScheduleShift.Apply(scenario, sink);
        ScenarioValidator.Validate(scenario, sink);
        if (problems.Count == 0 && checkWrittenSize && WrittenSize.Problem(scenario, map) is { } tooLarge)
            problems.Add(tooLarge);
        return problems.Count == 0 ? LoadResult.Success(scenario) : Failed(fileName, problems, references);
    }

    // The loaded file first, then its bases and --set in the order met; within a file by position.
    // Problems inside a file the scenario names are cut short so it cannot be echoed (ReferencedProblems).
    private static LoadResult Failed(string fileName, List<ScenarioProblem> problems, IReadOnlyList<FileReference> references)
    {
        var files = problems.Select(p => p.File).Prepend(fileName).Distinct().ToList();
        var ordered = problems
            .Distinct()
            .OrderBy(p => files.IndexOf(p.File)).ThenBy(p => p.Line).ThenBy(p => p.Column)
            .ToList();
        ordered = ReferencedProblems.Limit(ordered, references);
        if (ordered.Count > MaxProblems)
        {
            var last = ordered[MaxProblems - 1];
            ordered = [.. ordered.Take(MaxProblems), last with { Message = $"... and {ordered.Count - MaxProblems} more problems" }];
        }
        return LoadResult.Failure(ordered);
    }

    // A bug of ours must still not crash the CLI: report it as a problem with the file.
    private static LoadResult Unexpected(string fileName, Exception ex, List<ScenarioProblem> problems)
    {
        problems.Add(SourceSpot.StartOf(fileName).Problem($"internal error while loading ({ex.GetType().Name}: {ex.Message}); please report it"));
        return Failed(fileName, problems, []);
    }
}
