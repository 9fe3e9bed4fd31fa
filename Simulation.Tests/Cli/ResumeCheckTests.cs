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
        string Part(int id) => Path.Combine(folder, "parts", $"{id:D8}.bin");
        File.WriteAllBytes(Part(1), File.ReadAllBytes(Part(1))[..100]);
        File.WriteAllBytes(Part(3), []);
        File.Delete(Part(5));
        File.Copy(Part(7), Part(6), overwrite: true);

        var resumed = CliRunner.Run("sweep", "--resume", folder, "--workers", "2");

        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains("note: 4 finished runs have a missing or damaged time-series file and will run again", resumed.Error);
        Assert.Contains($"{Part(1)} is cut short (100 bytes", resumed.Error);
        Assert.Contains($"{Part(3)} is empty", resumed.Error);
        Assert.Contains($"{Part(5)} is missing", resumed.Error);
        Assert.Contains($"{Part(6)} is the spool file of run 7, not of run 6", resumed.Error);
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
