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
    /// Begins a run folder: the manifest with status <c>running</c> (its seeds and command line), so a
    /// folder whose process was killed says what it was and that it never finished.
    /// </summary>
    public static void Start(string folder, Manifest running)
    {
        Directory.CreateDirectory(folder);
        ManifestJson.Write(Path.Combine(folder, ManifestJson.FileName), running);
    }

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

        DataPackage.Write(folder, PackageContext.ForRun(scenario));
        files.Add(Path.Combine(folder, DataPackage.FileName));
        ManifestJson.Write(Add(ManifestJson.FileName), manifest);
        return new RunFolderResult(files, charts.Problems);
    }

    /// <summary>Where every command's folders land when no --out is given (relative to the working directory).</summary>
    public const string DefaultRoot = "output";

    /// <summary>
    /// The default folder <c>ROOT/&lt;scenario-name&gt;/&lt;yyyyMMdd-HHmmss&gt;</c>, with a -2, -3...
    /// suffix when a run started in the same second already took the name (its folder has content, or
    /// its lock file exists: a command holds or held it).
    /// </summary>
    public static string DefaultPath(string outputRoot, string scenarioName, DateTime started)
    {
        string stamp = started.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        string baseName = Path.Combine(outputRoot, SafeName(scenarioName), stamp);
        string path = baseName;
        for (int n = 2; IsNonEmptyFolder(path) || File.Exists(path) || File.Exists(FolderLock.PathOf(Path.GetFullPath(path))); n++)
        {
            path = $"{baseName}-{n.ToString(CultureInfo.InvariantCulture)}";
        }
        return path;
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
