using System.Buffers.Binary;
using TrustSim.Experiments;
using TrustSim.Metrics;

namespace TrustSim.Tests.Experiments;

/// <summary>
/// A spool file gives back every run's steps bit for bit; a damaged one is found (header, length,
/// checksum), named with what is wrong, and never read as numbers. The per-run part files of older
/// versions are still read, with the same checks as before.
/// </summary>
public sealed class RunSpoolTests
{
    private static StepMetrics[] Steps(int count, double shift = 0) => Enumerable.Range(0, count).Select(i => new StepMetrics
    {
        Step = i, Date = new DateOnly(2020, 1, 6).AddDays(7 * i), Reputation = 0.5 + 0.01 * i + shift, Adoption = 0.1 * i,
        ReputationFull = i % 2 == 0 ? double.NaN : -0.0, Reach = 1e9 / (i + 1), Switches = i * 3,
    }).ToArray();

    private static string Spool(string folder, params (long Id, StepMetrics[] Steps)[] runs)
    {
        string path = RunSpool.PathOf(folder, 1, 0);
        using var writer = SpoolWriter.Create(path);
        foreach (var (id, steps) in runs) writer.Append(id, steps);
        return path;
    }

    private static void AssertSame(StepMetrics[] steps, RunSeries series)
    {
        Assert.Equal(steps.Length, series.Rows);
        for (int r = 0; r < steps.Length; r++)
        {
            Assert.Equal(steps[r].Step, series.Steps[r]);
            Assert.Equal(steps[r].Date.DayNumber, series.Days[r]);
            for (int c = 0; c < StepMetrics.Columns.Count; c++)
            {
                // Bits, not values: NaN and -0.0 must come back as they went in.
                Assert.Equal(BitConverter.DoubleToInt64Bits(StepMetrics.Columns[c].Read(steps[r])), BitConverter.DoubleToInt64Bits(series.Values[c][r]));
            }
        }
    }

    [Fact]
    public void Append_ThenReadInOrder_GivesEveryRunBackBitForBit()
    {
        using var dir = new TempFolder();
        var three = Steps(157);
        var five = Steps(6, 0.2);
        Spool(dir.Path, (3, three), (5, five));

        using var store = new RunSeriesStore(RunSpool.Sources(dir.Path));
        var series = new RunSeries();

        Assert.Null(store.Read(3, series));
        AssertSame(three, series);
        Assert.Equal("missing", store.Read(4, series));
        Assert.Null(store.Read(5, series));
        AssertSame(five, series);
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Read(5, series));
    }

    [Fact]
    public void Append_SlowlyChangingSeries_TakesAFractionOfItsPlainSize()
    {
        using var dir = new TempFolder();
        string path = Spool(dir.Path, (0, Steps(157)));

        long plain = SpoolRecord.PlainBytes(157, StepMetrics.Columns.Count);
        Assert.True(new FileInfo(path).Length < plain / 4, $"{new FileInfo(path).Length} bytes for {plain} plain");
    }

    [Fact]
    public void Read_SeveralFilesAndARunInTwo_TakesEachRunOnceInRunIdOrder()
    {
        using var dir = new TempFolder();
        using (var a = SpoolWriter.Create(RunSpool.PathOf(dir.Path, 1, 0)))
        {
            a.Append(0, Steps(4));
            a.Append(2, Steps(4, 0.2));
        }
        using (var b = SpoolWriter.Create(RunSpool.PathOf(dir.Path, 1, 1)))
        {
            b.Append(1, Steps(4, 0.1));
            b.Append(2, Steps(4, 0.2)); // run again after a kill: the same numbers
        }

        using var store = new RunSeriesStore(RunSpool.Sources(dir.Path));
        var series = new RunSeries();
        for (int id = 0; id < 3; id++)
        {
            Assert.Null(store.Read(id, series));
            AssertSame(Steps(4, 0.1 * id), series);
        }
        Assert.Equal(2, RunSpool.NextSession(dir.Path));
    }

    [Theory]
    [InlineData("empty", "missing")]
    [InlineData("file header cut", "missing")]
    [InlineData("record header cut", "missing (")]
    [InlineData("record cut", "run 3's record cut short at byte 8")]
    [InlineData("byte flipped", "damaged in ")]
    [InlineData("run id edited", "missing")]
    [InlineData("not a spool file", "not a spool file (wrong first bytes)")]
    [InlineData("other metrics", "written with 2 metrics a step")]
    [InlineData("a folder", "missing")]
    [InlineData("garbage header", "not the start of a run's record (wrong first bytes) at byte 8")]
    public void Read_DamagedSpoolFile_SaysWhatIsWrongAndGivesNoNumbers(string damage, string why)
    {
        using var dir = new TempFolder();
        string path = Spool(dir.Path, (3, Steps(40)));
        byte[] whole = File.ReadAllBytes(path);
        int header = RunSpool.FileHeader.Length;
        switch (damage)
        {
            case "empty": File.WriteAllBytes(path, []); break;
            case "file header cut": File.WriteAllBytes(path, whole[..5]); break;
            case "record header cut": File.WriteAllBytes(path, whole[..(header + 10)]); break;
            case "record cut": File.WriteAllBytes(path, whole[..^5]); break;
            case "byte flipped": whole[^20] ^= 0x10; File.WriteAllBytes(path, whole); break;
            case "run id edited": whole[header + 8] = 4; File.WriteAllBytes(path, whole); break;
            case "not a spool file": File.WriteAllBytes(path, [.. "PK\u0003\u0004"u8, .. whole[4..]]); break;
            case "other metrics": BinaryPrimitives.WriteInt32LittleEndian(whole.AsSpan(header + 20), 2); File.WriteAllBytes(path, whole); break;
            case "a folder": File.Delete(path); Directory.CreateDirectory(path); break;
            case "garbage header": whole.AsSpan(header, 4).Fill(0xEE); File.WriteAllBytes(path, whole); break;
        }

        using var store = new RunSeriesStore(RunSpool.Sources(dir.Path));
        var series = new RunSeries();
        string? problem = store.Read(3, series);

        Assert.NotNull(problem);
        Assert.Contains(why, problem);
        if (damage is "run id edited")
        {
            // The record now says run 4, but its checksum was made with run 3: refused, never read as run 4's numbers.
            Assert.StartsWith("damaged in ", store.Read(4, series));
        }
    }

    /// <summary>A part file as trustsim wrote it before spool files: magic "TSP1", run id, rows, columns, then plain rows.</summary>
    private static void WriteLegacy(string folder, long runId, StepMetrics[] steps)
    {
        using var writer = new BinaryWriter(File.Create(LegacyParts.PathOf(folder, runId)));
        writer.Write(0x31505354);
        writer.Write(runId);
        writer.Write(steps.Length);
        writer.Write(StepMetrics.Columns.Count);
        foreach (StepMetrics step in steps)
        {
            writer.Write(step.Step);
            writer.Write(step.Date.DayNumber);
            foreach (var column in StepMetrics.Columns) writer.Write(column.Read(step));
        }
    }

    [Fact]
    public void Read_PartFilesOfAnOlderVersion_GivesTheStepsBack()
    {
        using var dir = new TempFolder();
        Directory.CreateDirectory(Path.Combine(dir.Path, RunSpool.FolderName));
        WriteLegacy(dir.Path, 3, Steps(6));
        WriteLegacy(dir.Path, 10, Steps(6, 0.3));

        using var store = new RunSeriesStore(RunSpool.Sources(dir.Path));
        var series = new RunSeries();

        Assert.Null(store.Read(3, series));
        AssertSame(Steps(6), series);
        Assert.Null(store.Read(10, series));
        AssertSame(Steps(6, 0.3), series);
    }

    [Theory]
    [InlineData("empty", "empty")]
    [InlineData("header cut", "cut short (12 bytes, less than its 20-byte header)")]
    [InlineData("rows cut", "cut short (")]
    [InlineData("one byte more", "too long (")]
    [InlineData("another run's", "the spool file of run 4, not of run 3")]
    [InlineData("not a spool file", "not a spool file (wrong first bytes)")]
    [InlineData("other metrics", "written with 2 metrics a step")]
    [InlineData("a folder", "unreadable (")]
    public void Read_DamagedPartFileOfAnOlderVersion_SaysWhatIsWrongNamingTheFile(string damage, string why)
    {
        using var dir = new TempFolder();
        Directory.CreateDirectory(Path.Combine(dir.Path, RunSpool.FolderName));
        WriteLegacy(dir.Path, 3, Steps(6));
        WriteLegacy(dir.Path, 4, Steps(6));
        string path = LegacyParts.PathOf(dir.Path, 3);
        byte[] whole = File.ReadAllBytes(path);
        switch (damage)
        {
            case "empty": File.WriteAllBytes(path, []); break;
            case "header cut": File.WriteAllBytes(path, whole[..12]); break;
            case "rows cut": File.WriteAllBytes(path, whole[..(whole.Length - 5)]); break;
            case "one byte more": File.WriteAllBytes(path, [.. whole, 0]); break;
            case "another run's": File.Copy(LegacyParts.PathOf(dir.Path, 4), path, overwrite: true); break;
            case "not a spool file": File.WriteAllBytes(path, [.. "PK\u0003\u0004"u8, .. whole[4..]]); break;
            case "other metrics": File.WriteAllBytes(path, [.. whole[..16], 2, 0, 0, 0, .. whole[20..]]); break;
            case "a folder": File.Delete(path); Directory.CreateDirectory(path); break;
        }

        using var store = new RunSeriesStore(RunSpool.Sources(dir.Path));
        string? problem = store.Read(3, new RunSeries());

        Assert.NotNull(problem);
        Assert.StartsWith($"damaged in {Path.Combine(dir.Path, RunSpool.FolderName)}: {path} is {why}", problem);
    }
}
