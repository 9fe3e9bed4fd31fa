using System.Globalization;
using TrustSim.Core;
using TrustSim.Engine;
using TrustSim.Scenarios;

namespace TrustSim.Reports;

/// <summary>
/// Lays out a run folder: the data files, scenario.yaml, charts/ and, last, manifest.json.
/// The manifest goes last so that a folder without one is recognisably unfinished.
/// </summary>
internal static class RunFolder
{
    public const string ScenarioFile = "scenario.yaml";
    public const string ChartsFolder = "charts";

    /// <summary>
    /// Writes every file of a run folder and returns their paths (data first, manifest last).
    /// Chart failures do not lose the data: they are reported in <see cref="RunFolderResult.ChartProblems"/>.
    /// </summary>
    public static RunFolderResult Write(
        string folder,
        Scenario scenario,
        string resolvedScenarioYaml,
        IReadOnlyList<RunResult> results,
        Manifest manifest)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>();

        string Add(string name)
        {
            string path = Path.Combine(folder, name);
            files.Add(path);
            return path;
        }

        AtomicFile.WriteAllText(Add(ScenarioFile), NormaliseNewlines(resolvedScenarioYaml));
        RunCsv.WriteTimeseries(Add(RunCsv.TimeseriesFile), results);
        RunCsv.WriteSummary(Add(RunCsv.SummaryFile), results);
        RunCsv.WriteEvents(Add(RunCsv.EventsFile), results);
        InstitutionsCsv.Write(Add(InstitutionsCsv.FileName), results);

        ChartSetResult charts = ChartFiles.DrawRunCharts(Path.Combine(folder, ChartsFolder), scenario, results);
        files.AddRange(charts.Written);

        ManifestJson.Write(Add(ManifestJson.FileName), manifest);
        return new RunFolderResult(files, charts.Problems);
    }

    /// <summary>Where every command's folders land when no --out is given (relative to the working directory).</summary>
    public const string DefaultRoot = "output";

    /// <summary>
    /// The default folder <c>ROOT/&lt;scenario-name&gt;/&lt;yyyyMMdd-HHmmss&gt;</c>, with a -2, -3...
    /// suffix when a run started in the same second already took the name.
    /// </summary>
    public static string DefaultPath(string outputRoot, string scenarioName, DateTime started)
    {
        string stamp = started.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        string baseName = Path.Combine(outputRoot, SafeName(scenarioName), stamp);
        string path = baseName;
        for (int n = 2; IsNonEmptyFolder(path) || File.Exists(path); n++)
        {
            path = $"{baseName}-{n.ToString(CultureInfo.InvariantCulture)}";
        }
        return path;
    }

    /// <summary>
    /// Makes sure <paramref name="folder"/> can take a run: creates it, or refuses an existing
    /// non-empty one unless <paramref name="force"/>. Returns a problem message, or null when it is ready.
    /// </summary>
    public static string? Prepare(string folder, bool force)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            return "the output folder is empty";
        }
        if (File.Exists(folder))
        {
            return $"{folder}: is a file, not a folder";
        }
        if (IsNonEmptyFolder(folder) && !force)
        {
            return $"{folder}: folder exists and is not empty (use --force to write into it anyway)";
        }
        if (FileAncestor(folder) is { } file)
        {
            return $"{folder}: cannot create the folder: {file} is a file";
        }
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return $"{folder}: cannot create the folder: {e.Message}";
        }
        // A read-only mount or a folder without write permission is found now, before hours of running.
        string probe = Path.Combine(folder, $".trustsim-write-test-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{folder}: the folder is not writable: {e.Message}";
        }
    }

    /// <summary>The nearest existing ancestor of <paramref name="folder"/> when it is a regular file (so no folder can be made under it).</summary>
    private static string? FileAncestor(string folder)
    {
        string? path = Path.GetDirectoryName(Path.GetFullPath(folder));
        while (!string.IsNullOrEmpty(path))
        {
            if (File.Exists(path)) return path;
            if (Directory.Exists(path)) return null;
            path = Path.GetDirectoryName(path);
        }
        return null;
    }

    private static bool IsNonEmptyFolder(string path) =>
        Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any();

    /// <summary>Keeps a scenario name usable as one folder name on every OS.</summary>
    private static string SafeName(string name)
    {
        string safe = new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
        return safe.Trim('.') is { Length: > 0 } trimmed ? trimmed : "scenario";
    }

    private static string NormaliseNewlines(string text)
    {
        string lf = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return lf.EndsWith('\n') ? lf : lf + "\n";
    }
}

/// <summary>Paths written to a run folder, and any chart that could not be drawn (data files are written regardless).</summary>
internal sealed record RunFolderResult(IReadOnlyList<string> Files, IReadOnlyList<string> ChartProblems);
