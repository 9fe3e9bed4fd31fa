using TrustSim.Core;

namespace TrustSim.Reports;

/// <summary>
/// A sweep's runs grouped by design point, read from runs.csv with the checked reader, for paired
/// differences: two sweeps whose runs at a design point have the same seeds drew the same random numbers
/// there, so their difference is best taken replication by replication.
/// </summary>
internal static class SweepReplicates
{
    /// <summary>
    /// Runs by design point (index as in points.csv), each point's runs in replication order. Run ids must
    /// be 0, 1, 2... and there must be <paramref name="runs"/> rows; otherwise a <see cref="DataFileException"/>.
    /// </summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<SweepReplicate>> Read(string path, IReadOnlyList<string> metrics, long runs)
    {
        var byPoint = new Dictionary<int, List<SweepReplicate>>();
        using var sheet = CsvSheet.Open(path, ["run_id", "point", "replication", "seed", .. metrics, "status"]);
        int id = sheet.Column("run_id"), point = sheet.Column("point"), replication = sheet.Column("replication"), seed = sheet.Column("seed"),
            status = sheet.Column("status");
        int[] columns = metrics.Select(sheet.Column).ToArray();
        string[] statuses = ["completed", "failed"];
        while (sheet.Next())
        {
            long expected = sheet.Rows - 1;
            sheet.Integer(id, expected, expected);
            if (expected >= runs) throw sheet.Problem($"more rows than the {runs} runs in manifest.json");
            int p = sheet.Int(point, 0, int.MaxValue);
            bool completed = sheet.Word(status, statuses) == "completed";
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            for (int m = 0; m < metrics.Count; m++) values[metrics[m]] = completed ? sheet.NumberOrMissing(columns[m]) : double.NaN;
            if (!byPoint.TryGetValue(p, out var list)) byPoint[p] = list = [];
            list.Add(new SweepReplicate(sheet.Int(replication, 0, int.MaxValue), sheet.Unsigned(seed), completed, values));
        }
        if (sheet.Rows != runs) throw sheet.FileProblem($"{sheet.Rows} rows for the {runs} runs in manifest.json (a truncated file?)");
        return byPoint.ToDictionary(g => g.Key, g => (IReadOnlyList<SweepReplicate>)g.Value.OrderBy(r => r.Replication).ToList());
    }

    /// <summary>
    /// True when two design points' runs can be paired: as many on each side, every one completed, and
    /// replication r has the same seed on both (so the same random numbers).
    /// </summary>
    public static bool Pairable(IReadOnlyList<SweepReplicate>? reference, IReadOnlyList<SweepReplicate>? other) =>
        reference is { Count: > 0 } && other is not null && reference.Count == other.Count
        && reference.Zip(other).All(p => p.First.Completed && p.Second.Completed && p.First.Replication == p.Second.Replication && p.First.Seed == p.Second.Seed);
}
