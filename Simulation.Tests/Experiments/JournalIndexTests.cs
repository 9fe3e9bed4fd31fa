using System.Text;
using System.Text.RegularExpressions;
using TrustSim.Experiments;
using TrustSim.Metrics;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Experiments;

/// <summary>A journal decides what a resume skips and what reaches runs.csv: every line must be a run of the plan, or it is refused with its line.</summary>
public sealed class JournalIndexTests
{
    /// <summary>2 x 2 points, 2 replications: runs 0 to 7.</summary>
    private static readonly SweepPlan Plan = SweepPlan.Build(new Scenario
    {
        Name = "journal",
        Seed = 99,
        Sweep = new SweepSettings
        {
            Design = SweepDesign.Grid,
            Replications = 2,
            Parameters =
            [
                new SweepParameter { Path = "scandals.rate", Values = [0, 1] },
                new SweepParameter { Path = "platform.scar", Values = [0, 0.5] },
            ],
        },
    });

    private static JournalEntry Completed(long id)
    {
        SweepRun run = Plan.Run(id);
        return new JournalEntry(id, run.Point, run.Replication, run.Seed, true, null,
            SummaryMetrics.Columns.Select((_, m) => 0.25 * m + id / 3.0).ToArray());
    }

    private static string Line(JournalEntry entry) => Encoding.UTF8.GetString(SweepJournal.ToLine(entry)).TrimEnd('\n');

    /// <summary>Journal lines of runs 0 to 3, the second replaced by <paramref name="second"/>.</summary>
    private static string WriteJournal(TempFolder dir, byte[] second)
    {
        var bytes = new List<byte>();
        for (long id = 0; id < 4; id++)
        {
            bytes.AddRange(id == 1 ? second : Encoding.UTF8.GetBytes(Line(Completed(id))));
            bytes.Add((byte)'\n');
        }
        return dir.WriteBytes(SweepJournal.FileName, [.. bytes]);
    }

    private static string Metric(string line, string value) =>
        Regex.Replace(line, "\"final_reputation\":[^,}]+", $"\"final_reputation\":{value}");

    /// <summary>Run 1's line (point 0, replication 1), tampered as <paramref name="how"/> says.</summary>
    private static byte[] Tamper(string how)
    {
        string line = Line(Completed(1));
        string text = how switch
        {
            "seed edited" => Regex.Replace(line, "\"seed\":\\d+", "\"seed\":12345"),
            "seed negative" => Regex.Replace(line, "\"seed\":\\d+", "\"seed\":-1"),
            "seed as text" => Regex.Replace(line, "\"seed\":(\\d+)", "\"seed\":\"$1\""),
            "metric NaN" => Metric(line, "\"NaN\""),
            "metric null" => Metric(line, "null"),
            "metric string" => Metric(line, "\"high\""),
            "metric infinite" => Metric(line, "1e400"),
            "metric missing" => Regex.Replace(line, "\"final_reputation\":[^,}]+,", ""),
            "metric unknown" => line.Replace("\"metrics\":{", "\"metrics\":{\"bogus\":1,", StringComparison.Ordinal),
            "metrics null" => Regex.Replace(line, "\"metrics\":\\{.*\\}\\}$", "\"metrics\":null}"),
            "run id out of range" => line.Replace("\"run_id\":1,", "\"run_id\":8,", StringComparison.Ordinal),
            "run id negative" => line.Replace("\"run_id\":1,", "\"run_id\":-1,", StringComparison.Ordinal),
            "run id fractional" => line.Replace("\"run_id\":1,", "\"run_id\":1.5,", StringComparison.Ordinal),
            "point edited" => line.Replace("\"point\":0,", "\"point\":3,", StringComparison.Ordinal),
            "replication edited" => line.Replace("\"replication\":1,", "\"replication\":0,", StringComparison.Ordinal),
            "status edited" => line.Replace("\"completed\"", "\"done\"", StringComparison.Ordinal),
            "error on a completed run" => line.Replace("\"error\":null", "\"error\":\"x\"", StringComparison.Ordinal),
            "failed without error" => line.Replace("\"completed\"", "\"failed\"", StringComparison.Ordinal),
            "key twice" => line.Replace("{\"run_id\"", "{\"seed\":1,\"run_id\"", StringComparison.Ordinal),
            "truncated" => line[..40],
            "empty line" => "",
            "a list" => "[1, 2]",
            "same run, other numbers" => Metric(Line(Completed(0)), "0.123"),
            "completed, then failed" => Line(new JournalEntry(0, 0, 0, Plan.Run(0).Seed, false, "boom", [])),
            _ => throw new ArgumentException(how, nameof(how)),
        };
        return Encoding.UTF8.GetBytes(text);
    }

    [Theory]
    [InlineData("seed edited", "run 1 has seed 12345, but the master seed gives it")]
    [InlineData("seed negative", "seed = -1 is not a whole number in range")]
    [InlineData("seed as text", "seed is the text")]
    [InlineData("metric NaN", "metric final_reputation is the text \"NaN\", not a number")]
    [InlineData("metric null", "metric final_reputation is null, not a number")]
    [InlineData("metric string", "metric final_reputation is the text \"high\", not a number")]
    [InlineData("metric infinite", "metric final_reputation is not a finite number")]
    [InlineData("metric missing", "metric final_reputation is missing")]
    [InlineData("metric unknown", "metric 'bogus' is not one this tool records")]
    [InlineData("metrics null", "metrics is null, not an object of numbers")]
    [InlineData("run id out of range", "run_id 8 is not in this sweep, whose runs are 0 to 7")]
    [InlineData("run id negative", "run_id -1 is not in this sweep")]
    [InlineData("run id fractional", "run_id = 1.5 is not a whole number in range")]
    [InlineData("point edited", "run 1 is replication 1 of design point 0, but the line says replication 1 of point 3")]
    [InlineData("replication edited", "but the line says replication 0 of point 0")]
    [InlineData("status edited", "status is not \"completed\" or \"failed\"")]
    [InlineData("error on a completed run", "a completed run with an error")]
    [InlineData("failed without error", "a failed run without its error text")]
    [InlineData("key twice", "a key appears twice")]
    [InlineData("truncated", "not JSON (at byte")]
    [InlineData("empty line", "an empty line, not a journal entry")]
    [InlineData("a list", "a list, not a journal entry")]
    [InlineData("same run, other numbers", "run 0 is journaled again with other numbers than an earlier line")]
    [InlineData("completed, then failed", "run 0 is journaled again with a failure than an earlier line")]
    public void Build_TamperedLineMidFile_RefusesNamingFileLineAndWhy(string tampering, string why)
    {
        using var dir = new TempFolder();
        string path = WriteJournal(dir, Tamper(tampering));

        var e = Assert.Throws<InvalidDataException>(() => JournalIndex.Build(path, Plan));

        Assert.StartsWith($"{path}:2: ", e.Message);
        Assert.Contains(why, e.Message);
        Assert.Contains("delete that line", e.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00, 0x80, 0x7B, 0x22 })]
    [InlineData(new byte[] { 0x00, 0x00, 0x00, 0x00 })]
    [InlineData(new byte[] { 0x7B, 0x22, 0x72, 0x75, 0x6E, 0xC3 })]
    public void Build_BinaryGarbageMidFile_RefusesNamingTheLine(byte[] garbage)
    {
        using var dir = new TempFolder();
        string path = WriteJournal(dir, garbage);

        var e = Assert.Throws<InvalidDataException>(() => JournalIndex.Build(path, Plan));

        Assert.StartsWith($"{path}:2: not JSON", e.Message);
    }

    [Fact]
    public void Build_LineLongerThanAnyEntry_RefusedWithoutReadingItWhole()
    {
        using var dir = new TempFolder();
        string path = WriteJournal(dir, Enumerable.Repeat((byte)'x', 5 << 20).ToArray());

        var e = Assert.Throws<InvalidDataException>(() => JournalIndex.Build(path, Plan));

        Assert.StartsWith($"{path}:2: a line of more than 4 MB", e.Message);
    }

    [Fact]
    public void Build_RunOfAnotherShard_IsRefusedInAShardJournal()
    {
        using var dir = new TempFolder();
        string path = WriteJournal(dir, Encoding.UTF8.GetBytes(Line(Completed(1))));

        var e = Assert.Throws<InvalidDataException>(() => JournalIndex.Build(path, Plan, new ShardSpec(0, 2)));

        Assert.StartsWith($"{path}:2: run 1 belongs to another shard than 0/2", e.Message);
    }

    [Fact]
    public void Build_TornOrGarbledLastLine_IsUnfinishedNotAnError()
    {
        using var dir = new TempFolder();
        string path = WriteJournal(dir, Encoding.UTF8.GetBytes(Line(Completed(1))));
        using (var append = new FileStream(path, FileMode.Append)) append.Write([.. Encoding.UTF8.GetBytes(Line(Completed(4))[..30]), 0xFF, 0x00]);

        var index = JournalIndex.Build(path, Plan);

        Assert.Equal(4, index.CompletedCount);
        Assert.False(index.Completed[4]);
        Assert.Equal(-1, index.OffsetOf(4));
    }

    [Fact]
    public void Build_RunJournaledTwiceWithTheSameNumbers_KeepsTheLaterLine()
    {
        // What a resume leaves when a run whose time series was damaged is run again.
        using var dir = new TempFolder();
        string path = WriteJournal(dir, Encoding.UTF8.GetBytes(Line(Completed(1))));
        long before = new FileInfo(path).Length;
        using (var append = new FileStream(path, FileMode.Append)) append.Write(SweepJournal.ToLine(Completed(1)));

        var index = JournalIndex.Build(path, Plan);

        Assert.Equal(4, index.CompletedCount);
        Assert.Equal(before, index.OffsetOf(1));
    }
}
