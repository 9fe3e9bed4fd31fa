using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;
using TrustSim.Core;
using TrustSim.Metrics;

namespace TrustSim.Experiments;

/// <summary>
/// The part files of sweeps written before the spool files (trustsim up to issue 18): one file per run,
/// <c>parts/NNNNNNNN.bin</c>, holding a 20-byte header (magic "TSP1", run id, rows, columns) and each row's
/// step, day number and every metric as plain numbers. Read, never written, so such a folder still
/// resumes and merges; its runs come in run-id order from the file names.
/// </summary>
internal sealed partial class LegacyParts : IRunSeriesSource
{
    private const int Magic = 0x31505354; // "TSP1" little-endian
    private const int HeaderBytes = 20;

    private readonly string _folder;
    private readonly long[] _runs;
    private int _at = -1;

    private LegacyParts(string folder, long[] runs)
    {
        _folder = folder;
        _runs = runs;
    }

    [GeneratedRegex(@"^(\d{8,18})\.bin$")]
    private static partial Regex PartName();

    public string Name => Path.Combine(_folder, RunSpool.FolderName);

    public long Current => _at < 0 ? -1 : _at < _runs.Length ? _runs[_at] : long.MaxValue;

    public string? Problem => null;

    /// <summary>The per-run files in <paramref name="sweepFolder"/>'s parts/, or null when there are none.</summary>
    public static LegacyParts? Of(string sweepFolder)
    {
        string parts = Path.Combine(sweepFolder, RunSpool.FolderName);
        if (!Directory.Exists(parts)) return null;
        var runs = new List<long>();
        foreach (string entry in Directory.EnumerateFileSystemEntries(parts))
        {
            var match = PartName().Match(Path.GetFileName(entry));
            if (match.Success && long.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out long id)) runs.Add(id);
        }
        if (runs.Count == 0) return null;
        runs.Sort();
        return new LegacyParts(sweepFolder, [.. runs]);
    }

    /// <summary>Where run <paramref name="runId"/>'s file is.</summary>
    public static string PathOf(string sweepFolder, long runId) =>
        Path.Combine(sweepFolder, RunSpool.FolderName, runId.ToString("D8", CultureInfo.InvariantCulture) + ".bin");

    public bool Advance()
    {
        if (_at < _runs.Length) _at++;
        return _at < _runs.Length;
    }

    public string? Read(RunSeries series)
    {
        long runId = Current;
        string path = PathOf(_folder, runId);
        var bytes = RegularFile.ReadAllBytes(path, HeaderBytes + SpoolRecord.PlainBytes(SpoolRecord.MaxRows, StepMetrics.Columns.Count));
        if (!bytes.Ok) return $"{path} is {(bytes.Problems[0] == RegularFile.NotFound ? "missing" : $"unreadable ({string.Join("; ", bytes.Problems)})")}";
        return Decode(bytes.Value, runId, series) is { } problem ? $"{path} is {problem}" : null;
    }

    public string? Check() => Read(new RunSeries());

    public void Dispose() { }

    /// <summary>The series of a whole file of run <paramref name="runId"/>; or why the file is not that.</summary>
    private static string? Decode(ReadOnlySpan<byte> file, long runId, RunSeries series)
    {
        if (file.Length == 0) return "empty";
        if (file.Length < HeaderBytes) return string.Create(CultureInfo.InvariantCulture, $"cut short ({file.Length} bytes, less than its {HeaderBytes}-byte header)");
        if (BinaryPrimitives.ReadInt32LittleEndian(file) != Magic) return "not a spool file (wrong first bytes)";
        long id = BinaryPrimitives.ReadInt64LittleEndian(file[4..]);
        if (id != runId) return string.Create(CultureInfo.InvariantCulture, $"the spool file of run {id}, not of run {runId}");
        int rows = BinaryPrimitives.ReadInt32LittleEndian(file[12..]);
        int columns = BinaryPrimitives.ReadInt32LittleEndian(file[16..]);
        if (columns != StepMetrics.Columns.Count || rows is < 0 or > SpoolRecord.MaxRows)
            return string.Create(CultureInfo.InvariantCulture, $"written with {columns} metrics a step, not this tool's {StepMetrics.Columns.Count}");
        long expected = HeaderBytes + SpoolRecord.PlainBytes(rows, columns);
        if (file.Length != expected)
            return string.Create(CultureInfo.InvariantCulture, $"{(file.Length < expected ? "cut short" : "too long")} ({file.Length} bytes; its header promises {rows} steps, {expected} bytes)");
        series.Resize(rows);
        int at = HeaderBytes;
        for (int r = 0; r < rows; r++)
        {
            series.Steps[r] = BinaryPrimitives.ReadInt32LittleEndian(file[at..]);
            series.Days[r] = BinaryPrimitives.ReadInt32LittleEndian(file[(at + 4)..]);
            at += 8;
            for (int c = 0; c < columns; c++, at += 8) series.Values[c][r] = BinaryPrimitives.ReadDoubleLittleEndian(file[at..]);
        }
        return null;
    }
}
