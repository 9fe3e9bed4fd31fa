using System.Text.RegularExpressions;
using TrustSim.Experiments;

namespace TrustSim.Reports;

/// <summary>
/// What an existing folder holds, as far as replacing it is concerned: which kind of trustsim folder it
/// is (from its manifest.json, or from the files only that kind writes while it is unfinished), and any
/// entry that kind never writes. <c>--force</c> replaces only a folder of the command's own kind whose
/// every entry is trustsim's, so it cannot delete a home folder, a project, or files a user put in.
/// </summary>
internal sealed partial record FolderContents(bool IsEmpty, OutputKind? Kind, string Evidence, IReadOnlyList<string> Foreign)
{
    /// <summary>Entries of every kind of folder: the manifest, the resolved scenario, the charts and the page that shows them.</summary>
    private static readonly string[] Common = [ManifestJson.FileName, RunFolder.ScenarioFile, RunFolder.ChartsFolder, Html.ReportFile.FileName];

    /// <summary>The entries each kind writes, the ones that only it writes first (they tell an unfinished folder's kind).</summary>
    private static readonly (OutputKind Kind, string[] Names)[] Known =
    [
        (OutputKind.Slurm, [SlurmScripts.ShardScript, SlurmScripts.MergeScript, SlurmScripts.SubmitScript, SlurmScripts.LogsFolder,
            SlurmScripts.ShardsFolder, SlurmScripts.MergedFolder]),
        (OutputKind.Sweep, [SweepJournal.FileName, RunSpool.FolderName, ShardManifest.FileName, SweepStart.FileName, SweepTables.PointsFile,
            TimeseriesParquet.FileName, SensitivityFolder.FileName, ThresholdFolder.FileName, SweepTables.RunsFile]),
        (OutputKind.Comparison, [CompareFolder.FileName, CompareFolder.BandsFile]),
        (OutputKind.Discovery, [DiscoveryFolder.FileName, DiscoveryFolder.TrajectoryFile]),
        (OutputKind.Calibration, [CalibrationFolder.FitFile, CalibrationFolder.TraceFile, CalibrationFolder.FittedFile, CalibrationFolder.ObservedFile,
            CalibrationFolder.FitTimeseriesFile, CalibrationFolder.FitEventsFile, PosteriorFolder.PosteriorFile, PosteriorFolder.CorrelationFile,
            PosteriorFolder.ProfileFile, PosteriorFolder.PredictiveFile]),
        (OutputKind.Run, [RunCsv.TimeseriesFile, RunCsv.SummaryFile, RunCsv.EventsFile, InstitutionsCsv.FileName]),
    ];

    /// <summary>
    /// An AtomicFile temporary left by a killed process (<c>.NAME.GUID.tmp</c>), a write probe, or the lock
    /// file of a folder inside (a Slurm job folder's merged/): trustsim's own, never content.
    /// </summary>
    [GeneratedRegex(@"^\..+\.[0-9a-f]{32}\.tmp$|^\.trustsim-write-test-[0-9a-f]{32}$|^\..+\.trustsim\.lock$")]
    private static partial Regex Leftover();

    /// <summary>True when the folder is none of trustsim's: it holds something trustsim did not write.</summary>
    public bool IsForeign => Foreign.Count > 0;

    /// <summary>What is in <paramref name="folder"/> (which must exist).</summary>
    public static FolderContents Of(string folder)
    {
        var entries = Directory.EnumerateFileSystemEntries(folder)
            .Select(e => Path.GetFileName(e))
            .Where(name => !Leftover().IsMatch(name))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (entries.Count == 0) return new FolderContents(true, null, "", []);

        var (kind, evidence, badManifest) = KindOf(folder, entries);
        var allowed = new HashSet<string>(Common, StringComparer.Ordinal);
        if (kind is { } k) allowed.UnionWith(Known.First(x => x.Kind == k).Names);
        // A posterior calibration writes summary.csv too; as a run folder's file too, it tells no kind apart.
        if (kind == OutputKind.Calibration) allowed.Add(PosteriorFolder.SummaryFile);
        // A manifest.json that trustsim did not write is not trustsim's, whatever else is there.
        if (badManifest) allowed.Remove(ManifestJson.FileName);
        var foreign = entries.Where(name => !allowed.Contains(name)).ToList();
        return new FolderContents(false, kind, evidence, foreign);
    }

    /// <summary>"a run folder", "an unfinished sweep folder"..., for messages.</summary>
    public static string Describe(OutputKind kind) => kind switch
    {
        OutputKind.Run => "a run folder",
        OutputKind.Sweep => "a sweep folder",
        OutputKind.Comparison => "a comparison folder",
        OutputKind.Calibration => "a calibration folder",
        OutputKind.Discovery => "a discovery folder",
        _ => "a Slurm job folder",
    };

    /// <summary>The kind from manifest.json when it is trustsim's, else from the entries only one kind writes.</summary>
    private static (OutputKind? Kind, string Evidence, bool BadManifest) KindOf(string folder, IReadOnlyList<string> entries)
    {
        bool badManifest = false;
        if (entries.Contains(ManifestJson.FileName))
        {
            if (ReadManifest(Path.Combine(folder, ManifestJson.FileName)) is { } manifest)
            {
                var kind = manifest.Comparison is not null ? OutputKind.Comparison
                    : manifest.Calibration is not null || manifest.Posterior is not null ? OutputKind.Calibration
                    : manifest.Discovery is not null ? OutputKind.Discovery
                    : manifest.Sweep is not null || manifest.Threshold is not null ? OutputKind.Sweep
                    : OutputKind.Run;
                return (kind, ManifestJson.FileName, false);
            }
            badManifest = true;
        }
        foreach (var (kind, names) in Known)
        {
            if (names.FirstOrDefault(entries.Contains) is { } marker) return (kind, marker, badManifest);
        }
        return (null, "", badManifest);
    }

    /// <summary>The manifest when the file is one trustsim wrote (it names the tool's version); null otherwise.</summary>
    private static Manifest? ReadManifest(string path)
    {
        try
        {
            if (!File.Exists(path) || new FileInfo(path).Length > 16 * 1024 * 1024) return null;
            return ManifestJson.Read(path) is { ToolVersion.Length: > 0 } manifest ? manifest : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }
}
