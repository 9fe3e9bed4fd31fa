using System.Text.RegularExpressions;

namespace TrustSim.Tests.Cli;

/// <summary>
/// `sweep --resume` as a user runs it, on folders that were edited or damaged since the sweep started:
/// an edited scenario or journal is refused (exit 2, the file and line named, nothing changed), a
/// damaged time-series file makes its run run again, and the result is the uninterrupted sweep's.
/// </summary>
public sealed class ResumeCheckTests
{
    private static string Journal(string folder) => Path.Combine(folder, "journal.jsonl");

    /// <summary>A finished small sweep in root/name, and the scenario it ran.</summary>
    private static (string Scenario, string Folder) Swept(string root, string name = "sweep")
    {
        string scenario = ShardedSweeps.SmallSweep(root);
        string folder = Path.Combine(root, name);
        var sweep = CliRunner.Run("sweep", scenario, "--out", folder, "--workers", "1");
        Assert.True(sweep.ExitCode == 0, sweep.Error);
        return (scenario, folder);
    }

    /// <summary>Makes a finished sweep folder look unfinished again (the final files gone), as a kill in the assembly leaves it.</summary>
    private static void Unfinish(string folder)
    {
        foreach (string f in new[] { "manifest.json", "runs.csv", "points.csv", "timeseries.parquet" }) File.Delete(Path.Combine(folder, f));
    }

    [Fact]
    public void Sweep_ResumeAfterAValueInTheFolderScenarioWasEdited_ExitsTwoAndChangesNothing()
    {
        var (_, folder) = Swept(CliRunner.TempFolder());
        Unfinish(folder);
        var lines = File.ReadAllLines(Journal(folder));
        File.WriteAllLines(Journal(folder), lines.Take(3));
        string stored = Path.Combine(folder, "scenario.yaml");
        File.WriteAllText(stored, File.ReadAllText(stored).Replace("  count: 300\n", "  count: 301\n", StringComparison.Ordinal));
        byte[] journal = File.ReadAllBytes(Journal(folder));

        var resumed = CliRunner.Run("sweep", "--resume", folder, "--workers", "1");

        Assert.Equal(2, resumed.ExitCode);
        Assert.Contains($"{stored} was edited after the sweep started", resumed.Error);
        Assert.Contains("Resuming would mix runs of two different scenarios", resumed.Error);
        Assert.DoesNotContain("   at ", resumed.Error);
        Assert.Equal(journal, File.ReadAllBytes(Journal(folder)));
        Assert.False(File.Exists(Path.Combine(folder, "runs.csv")));
    }

    [Fact]
    public void Sweep_ResumeWithDamagedPartFiles_RunsThemAgainAndEndsAsAnUninterruptedSweep()
    {
        string root = CliRunner.TempFolder();
        var (scenario, folder) = Swept(root);
        string reference = Path.Combine(root, "reference");
        Assert.Equal(0, CliRunner.Run("sweep", scenario, "--out", reference, "--workers", "2").ExitCode);
        Unfinish(folder);
        // One worker, so one spool file with runs 0 to 7 in order; four of its records damaged four ways.
        var one = SpoolRecords.Of(folder, 1);
        var three = SpoolRecords.Of(folder, 3);
        var five = SpoolRecords.Of(folder, 5);
        var seven = SpoolRecords.Of(folder, 7);
        SpoolRecords.Edit(one, one.Length - 10, b => (byte)(b ^ 0x40));   // a bit flipped in the series
        SpoolRecords.Edit(three, 30, b => (byte)(b ^ 0x01));              // in the checksum
        SpoolRecords.Edit(five, 20, _ => 2);                              // the metric count
        SpoolRecords.CutInside(seven, 100);                               // cut short, as a full disk or a copy stopped part way leaves it

        var resumed = CliRunner.Run("sweep", "--resume", folder, "--workers", "2");

        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains($"note: 4 finished runs have a missing or damaged time series in {Path.Combine(folder, "parts")} and will run again", resumed.Error);
        Assert.Contains($"run 1 is damaged in {one.File}: damaged (", resumed.Error);
        Assert.Contains($"run 3 is damaged in {three.File}: damaged (its checksum does not match its contents)", resumed.Error);
        Assert.Contains($"run 5 is damaged in {five.File}: written with 2 metrics a step", resumed.Error);
        Assert.Contains($"run 7 is missing ({seven.File}: run 7's record cut short at byte {seven.Offset})", resumed.Error);
        ShardedSweeps.AssertSameFiles(reference, folder, ShardedSweeps.DataFiles);
        Assert.Equal(8 + 4, File.ReadAllLines(Journal(folder)).Length);
    }

    [Theory]
    [InlineData("seed edited")]
    [InlineData("metrics null")]
    [InlineData("metric NaN")]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("run id out of range")]
    [InlineData("same run, other numbers")]
    public void Sweep_ResumeWithATamperedJournalLine_ExitsTwoNamingFileAndLineAndChangesNothing(string tampering)
    {
        var (_, folder) = Swept(CliRunner.TempFolder());
        Unfinish(folder);
        var lines = File.ReadAllLines(Journal(folder)).Take(5).ToArray();
        lines[2] = tampering switch
        {
            "seed edited" => Regex.Replace(lines[2], "\"seed\":\\d+", "\"seed\":42"),
            "metrics null" => Regex.Replace(lines[2], "\"metrics\":\\{.*\\}\\}$", "\"metrics\":null}"),
            "metric NaN" => Regex.Replace(lines[2], "\"final_reputation\":[^,}]+", "\"final_reputation\":\"NaN\""),
            "garbage" => "\u0001\u0002garbage\u00ff",
            "truncated" => lines[2][..50],
            "run id out of range" => Regex.Replace(lines[2], "\"run_id\":\\d+", "\"run_id\":8"),
            _ => Regex.Replace(lines[0], "\"final_reputation\":[^,}]+", "\"final_reputation\":0.5"),
        };
        File.WriteAllLines(Journal(folder), lines);
        byte[] journal = File.ReadAllBytes(Journal(folder));

        var resumed = CliRunner.Run("sweep", "--resume", folder, "--workers", "1");

        Assert.Equal(2, resumed.ExitCode);
        Assert.StartsWith($"trustsim: {Journal(folder)}:3: ", resumed.Error);
        Assert.Contains("delete that line", resumed.Error);
        Assert.DoesNotContain("unexpected error", resumed.Error);
        Assert.DoesNotContain("   at ", resumed.Error);
        Assert.Equal(journal, File.ReadAllBytes(Journal(folder)));
        Assert.False(File.Exists(Path.Combine(folder, "runs.csv")));
    }

    [Fact]
    public void Sweep_ResumeAfterTheTamperedLineIsDeleted_RunsThatRunAgain()
    {
        // What the refusal advises: without the line, its run is unfinished and runs again.
        string root = CliRunner.TempFolder();
        var (scenario, folder) = Swept(root);
        Assert.Equal(0, CliRunner.Run("sweep", scenario, "--out", Path.Combine(root, "reference"), "--workers", "1").ExitCode);
        Unfinish(folder);
        var lines = File.ReadAllLines(Journal(folder)).ToList();
        lines.RemoveAt(4);
        File.WriteAllLines(Journal(folder), lines);

        var resumed = CliRunner.Run("sweep", "--resume", folder, "--workers", "1");

        Assert.True(resumed.ExitCode == 0, resumed.Error);
        ShardedSweeps.AssertSameFiles(Path.Combine(root, "reference"), folder, ShardedSweeps.DataFiles);
    }
}
