using TrustSim.Experiments;
using TrustSim.Metrics;

namespace TrustSim.Tests.Experiments;

/// <summary>A part file is checked (header and length) before it is trusted, and a damaged one is named with what is wrong.</summary>
public sealed class RunSpoolTests
{
    private static readonly StepMetrics[] Steps = Enumerable.Range(0, 6).Select(i => new StepMetrics
    {
        Step = i, Date = new DateOnly(2020, 1, 6).AddDays(7 * i), Reputation = 0.5 + 0.01 * i, Adoption = 0.1 * i,
    }).ToArray();

    /// <summary>Header (magic, run id, rows, columns: 20 bytes) and 6 rows of step, day and every column.</summary>
    private static readonly long WholeLength = 20 + 6 * (8 + 8L * StepMetrics.Columns.Count);

    [Fact]
    public void Write_ThenRead_GivesTheStepsBackAndNoProblem()
    {
        using var dir = new TempFolder();
        RunSpool.Write(dir.Path, 3, Steps);

        var series = RunSpool.Read(dir.Path, 3);

        Assert.Null(RunSpool.Problem(dir.Path, 3));
        Assert.Equal(WholeLength, new FileInfo(RunSpool.PathOf(dir.Path, 3)).Length);
        Assert.Equal([0, 1, 2, 3, 4, 5], series.Steps);
        Assert.Equal(new DateOnly(2020, 2, 10), series.Dates[5]);
    }

    [Theory]
    [InlineData("missing", "missing")]
    [InlineData("empty", "empty")]
    [InlineData("header cut", "cut short (12 bytes, less than its 20-byte header)")]
    [InlineData("rows cut", "cut short (")]
    [InlineData("one byte more", "too long (")]
    [InlineData("another run's", "the spool file of run 4, not of run 3")]
    [InlineData("not a spool file", "not a spool file (wrong first bytes)")]
    [InlineData("other metrics", "written with 2 metrics a step")]
    [InlineData("a folder", "unreadable (")]
    public void Problem_DamagedPartFile_SaysWhatIsWrongAndReadRefusesNamingTheFile(string damage, string why)
    {
        using var dir = new TempFolder();
        RunSpool.Write(dir.Path, 3, Steps);
        RunSpool.Write(dir.Path, 4, Steps);
        string path = RunSpool.PathOf(dir.Path, 3);
        byte[] whole = File.ReadAllBytes(path);
        switch (damage)
        {
            case "missing": File.Delete(path); break;
            case "empty": File.WriteAllBytes(path, []); break;
            case "header cut": File.WriteAllBytes(path, whole[..12]); break;
            case "rows cut": File.WriteAllBytes(path, whole[..(whole.Length - 5)]); break;
            case "one byte more": File.WriteAllBytes(path, [.. whole, 0]); break;
            case "another run's": File.Copy(RunSpool.PathOf(dir.Path, 4), path, overwrite: true); break;
            case "not a spool file": File.WriteAllBytes(path, [.. "PK\u0003\u0004"u8, .. whole[4..]]); break;
            case "other metrics": File.WriteAllBytes(path, [.. whole[..16], 2, 0, 0, 0, .. whole[20..]]); break;
            case "a folder": File.Delete(path); Directory.CreateDirectory(path); break;
        }

        string? problem = RunSpool.Problem(dir.Path, 3);

        Assert.NotNull(problem);
        Assert.StartsWith(why, problem);
        if (damage is "missing" or "a folder") return;
        var e = Assert.Throws<InvalidDataException>(() => RunSpool.Read(dir.Path, 3));
        Assert.Equal($"{path}: {problem}", e.Message);
    }
}
