using System.Globalization;
using System.Text.RegularExpressions;

namespace TrustSim.Experiments;

/// <summary>
/// parts/: the finished runs' time series while a sweep runs, from which timeseries.parquet is
/// assembled. Each worker appends its runs to a spool file of its own (<see cref="SpoolWriter"/>),
/// <c>spool-SSSS-WW.bin</c> for session SSSS (each start or resume of the sweep takes the next
/// number) and worker WW. A worker takes run ids in ascending order, so every file is sorted by run id
/// and the final files are written by reading all files side by side (<see cref="RunSeriesStore"/>),
/// never holding more than one run. A run's record is written before its journal line, so every
/// journaled run is in a spool file; what a kill leaves at the end of a file is a run never journaled.
/// Folders of older versions hold one file per run (<c>NNNNNNNN.bin</c>); those are read too
/// (<see cref="LegacyParts"/>). Once the final files are written parts/ may be deleted: a resume
/// then reads the runs back from timeseries.parquet.
/// </summary>
internal static partial class RunSpool
{
    public const string FolderName = "parts";

    /// <summary>The first bytes of every spool file: its kind and format version.</summary>
    public static readonly byte[] FileHeader = "TSSPOOL2"u8.ToArray();

    [GeneratedRegex(@"^spool-(\d{4,})-\d{2,}\.bin$")]
    private static partial Regex SpoolName();

    /// <summary>The spool file of <paramref name="worker"/> in <paramref name="session"/>.</summary>
    public static string PathOf(string sweepFolder, int session, int worker) =>
        Path.Combine(sweepFolder, FolderName, string.Create(CultureInfo.InvariantCulture, $"spool-{session:D4}-{worker:D2}.bin"));

    /// <summary>The session number for a new start or resume: one past the highest in parts/, so no earlier file is ever appended to.</summary>
    public static int NextSession(string sweepFolder)
    {
        int highest = 0;
        foreach (string file in SpoolFiles(sweepFolder))
        {
            var match = SpoolName().Match(Path.GetFileName(file));
            if (int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int session)) highest = Math.Max(highest, session);
        }
        return highest + 1;
    }

    /// <summary>The spool files in parts/, in name order (so in session order).</summary>
    public static IReadOnlyList<string> SpoolFiles(string sweepFolder)
    {
        string parts = Path.Combine(sweepFolder, FolderName);
        if (!Directory.Exists(parts)) return [];
        return Directory.EnumerateFiles(parts, "spool-*.bin").Where(f => SpoolName().IsMatch(Path.GetFileName(f)))
            .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Every source of run series in a sweep folder's parts/: its spool files, then an older version's per-run files.</summary>
    public static IReadOnlyList<IRunSeriesSource> Sources(string sweepFolder)
    {
        var sources = new List<IRunSeriesSource>();
        foreach (string file in SpoolFiles(sweepFolder)) sources.Add(SpoolFile.Open(file));
        if (LegacyParts.Of(sweepFolder) is { } legacy) sources.Add(legacy);
        return sources;
    }
}
