using Spectre.Console.Cli;
using TrustSim.Cli;
using TrustSim.Experiments;

namespace TrustSim.Tests.Cli;

/// <summary>A sweep's target is checked before anything runs; what is wrong comes back as located lines, nothing is printed.</summary>
public sealed class SweepTargetTests
{
    private static readonly string Scenarios = Path.Combine(Paths.RepositoryRoot(), "scenarios");

    [Fact]
    public void Open_ResumeOfAFolderWithoutScenario_ReturnsWhyNotAndWritesNothing()
    {
        string empty = CliRunner.TempFolder();
        var settings = new SweepCommand.Settings { Resume = new FlagValue<string> { IsSet = true, Value = empty } };

        var target = SweepTarget.Open(settings, DateTime.UtcNow);

        Assert.False(target.Ok);
        Assert.StartsWith($"trustsim: {empty}: not a sweep folder (no scenario.yaml); nothing to resume", Assert.Single(target.Problems));
        Assert.Empty(Directory.EnumerateFileSystemEntries(empty));
    }

    [Fact]
    public void Open_ScenarioWithTwoMistakes_ReturnsEachLocatedThenTheCount()
    {
        var settings = new SweepCommand.Settings
        {
            Scenario = Path.Combine(Scenarios, "repeated-scandals.yaml"),
            Overrides = ["users.count=-5", "platform.scra=1"],
            Out = Path.Combine(CliRunner.TempFolder(), "never"),
        };

        var target = SweepTarget.Open(settings, DateTime.UtcNow);

        Assert.False(target.Ok);
        Assert.Equal(3, target.Problems.Count);
        Assert.StartsWith("--set:1:13: users.count = -5 is outside", target.Problems[0]);
        Assert.StartsWith("--set:2:10: unknown key 'scra' in platform; did you mean 'scar'?", target.Problems[1]);
        Assert.Equal("2 problems; nothing was run.", target.Problems[2]);
        Assert.False(Directory.Exists(settings.Out));
    }

    [Fact]
    public void Open_NewSmallSweep_PreparesTheFolderWithNothingDone()
    {
        string root = CliRunner.TempFolder();
        var settings = new SweepCommand.Settings { Scenario = ShardedSweeps.SmallSweep(root), Out = Path.Combine(root, "sweep") };

        var target = SweepTarget.Open(settings, DateTime.UtcNow);

        Assert.True(target.Ok, string.Join("\n", target.Problems));
        using var opened = target.Value;
        Assert.Equal((8L, 0, false), (target.Value.Total, target.Value.DoneCount, target.Value.Resumed));
        Assert.True(File.Exists(Path.Combine(root, "sweep", "scenario.yaml")));
    }

    /// <summary>Opens the target and releases its folder's lock at once, as the sweep command does when it ends.</summary>
    private static (bool Ok, IReadOnlyList<string> Problems, IReadOnlyList<string> Notes) OpenAndRelease(SweepCommand.Settings settings)
    {
        var target = SweepTarget.Open(settings, DateTime.UtcNow);
        target.Value?.Dispose();
        return (target.Ok, target.Problems, target.Value?.Notes ?? []);
    }

    private static SweepCommand.Settings Resume(string folder, string? scenario = null, string[]? overrides = null, string? shard = null) =>
        new() { Resume = new FlagValue<string> { IsSet = true, Value = folder }, Scenario = scenario, Overrides = overrides ?? [], Shard = shard };

    /// <summary>A small sweep's folder as a start leaves it (scenario.yaml, sweep.json); its scenario file and folder.</summary>
    private static (string Scenario, string Folder) Started(string root, string? shard = null)
    {
        string scenario = ShardedSweeps.SmallSweep(root);
        string folder = Path.Combine(root, "sweep");
        var started = OpenAndRelease(new SweepCommand.Settings { Scenario = scenario, Out = folder, Shard = shard });
        Assert.True(started.Ok, string.Join("\n", started.Problems));
        return (scenario, folder);
    }

    [Fact]
    public void Open_NewSweep_RecordsTheResolvedScenarioHashInSweepJson()
    {
        var (_, folder) = Started(CliRunner.TempFolder());

        var start = SweepStart.Read(folder, out string? problem);

        Assert.Null(problem);
        Assert.Equal(SweepStart.Sha256Of(File.ReadAllText(Path.Combine(folder, "scenario.yaml"))), start!.ScenarioSha256);
        Assert.Equal(8, start.RunCount);
    }

    [Fact]
    public void Open_ResumeAfterAValueInTheFolderScenarioWasEdited_RefusesWithBothHashesAndWhatToDo()
    {
        // The edit keeps the tool's layout, so the file still looks as the tool wrote it: only the recorded hash can tell.
        var (_, folder) = Started(CliRunner.TempFolder());
        string stored = Path.Combine(folder, "scenario.yaml");
        string recorded = SweepStart.Read(folder, out _)!.ScenarioSha256;
        string text = File.ReadAllText(stored);
        Assert.Contains("  count: 300\n", text);
        File.WriteAllText(stored, text.Replace("  count: 300\n", "  count: 301\n", StringComparison.Ordinal));

        var target = OpenAndRelease(Resume(folder));

        Assert.False(target.Ok);
        string message = Assert.Single(target.Problems);
        Assert.StartsWith($"trustsim: {stored} was edited after the sweep started", message);
        Assert.Contains($"{recorded[..12]} when the sweep started (recorded in {Path.Combine(folder, "sweep.json")})", message);
        Assert.Contains($"SHA-256 {SweepStart.Sha256Of(File.ReadAllText(stored))[..12]} now", message);
        Assert.Contains("Resuming would mix runs of two different scenarios", message);
        Assert.Contains("Put the file back as it was", message);
        Assert.Contains($"--out {folder} --force", message);
    }

    [Fact]
    public void Open_ResumeWithAnEditedScenarioFile_RefusesSayingRunsWouldMix()
    {
        var (scenario, folder) = Started(CliRunner.TempFolder());
        File.WriteAllText(scenario, File.ReadAllText(scenario).Replace("count: 300", "count: 301", StringComparison.Ordinal));

        var target = OpenAndRelease(Resume(folder, scenario));

        Assert.False(target.Ok);
        string message = Assert.Single(target.Problems);
        Assert.StartsWith($"trustsim: {scenario} resolves to a different scenario than the sweep in {folder} started with", message);
        Assert.Contains("Resuming would mix runs of two different scenarios", message);
        Assert.Contains($"trustsim sweep --resume {folder}", message);
    }

    [Fact]
    public void Open_ResumeOfTheFolderWithADifferentSet_SaysSetNotEdited()
    {
        var (_, folder) = Started(CliRunner.TempFolder());

        var target = OpenAndRelease(Resume(folder, overrides: ["users.count=400"]));

        Assert.False(target.Ok);
        Assert.StartsWith($"trustsim: {Path.Combine(folder, "scenario.yaml")} with --set applied resolves to a different scenario", Assert.Single(target.Problems));
    }

    [Fact]
    public void Open_ResumeAfterACommentAndBlankLineWereAdded_ResumesAndPutsTheFileBack()
    {
        // A comment changes no run: the scenario resolves to the recorded hash, so the resume goes on.
        var (scenario, folder) = Started(CliRunner.TempFolder());
        string stored = Path.Combine(folder, "scenario.yaml");
        byte[] written = File.ReadAllBytes(stored);
        File.WriteAllText(stored, "# why this sweep\n\n" + File.ReadAllText(stored).Replace("\n", "\r\n", StringComparison.Ordinal) + "# the end\n");

        var own = OpenAndRelease(Resume(folder));
        var given = OpenAndRelease(Resume(folder, scenario));

        Assert.True(own.Ok, string.Join("\n", own.Problems));
        Assert.True(given.Ok, string.Join("\n", given.Problems));
        Assert.StartsWith($"note: {stored} had been edited without changing the scenario", Assert.Single(own.Notes));
        Assert.Empty(given.Notes);
        Assert.Equal(written, File.ReadAllBytes(stored));
    }

    [Fact]
    public void Open_ResumeOfAShardAfterTheClusterScenarioWasEdited_Refuses()
    {
        // The Slurm path: a requeued task resumes its shard from the cluster folder's scenario.yaml.
        var (scenario, folder) = Started(CliRunner.TempFolder(), shard: "1/2");
        File.WriteAllText(scenario, File.ReadAllText(scenario).Replace("steps: 30", "steps: 31", StringComparison.Ordinal));

        var target = OpenAndRelease(Resume(folder, scenario, shard: "1/2"));

        Assert.False(target.Ok);
        Assert.Contains("resolves to a different scenario than the sweep", Assert.Single(target.Problems));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Open_ResumeOfAFolderWithoutSweepJson_ChecksAgainstShardJsonOrScenarioYaml(bool shard)
    {
        // A folder an older trustsim started: shard.json holds the hash, else scenario.yaml as the tool wrote it is the record.
        var (scenario, folder) = Started(CliRunner.TempFolder(), shard ? "0/2" : null);
        File.Delete(Path.Combine(folder, "sweep.json"));
        Assert.True(OpenAndRelease(Resume(folder)).Ok);
        File.WriteAllText(scenario, File.ReadAllText(scenario).Replace("count: 300", "count: 301", StringComparison.Ordinal));

        var target = OpenAndRelease(Resume(folder, scenario));

        Assert.False(target.Ok);
        Assert.Contains($"(recorded in {Path.Combine(folder, shard ? "shard.json" : "scenario.yaml")})", Assert.Single(target.Problems));
    }

    [Theory]
    [InlineData("not json {")]
    [InlineData("{\"scenario_sha256\": \"abc\", \"run_count\": 8}")]
    [InlineData("[]")]
    public void Open_ResumeWithABrokenSweepJson_RefusesNamingIt(string content)
    {
        var (_, folder) = Started(CliRunner.TempFolder());
        string path = Path.Combine(folder, "sweep.json");
        File.WriteAllText(path, content);

        var target = OpenAndRelease(Resume(folder));

        Assert.False(target.Ok);
        Assert.Contains(path, Assert.Single(target.Problems));
        Assert.Contains("not", target.Problems[0]);
    }

    [Fact]
    public void Open_ForceOverAFinishedSweep_EmptiesItAndWritesARunningManifest()
    {
        // A sweep is written in place (it is resumed there): --force empties the old one first, so a kill
        // later leaves a new sweep that says it is unfinished, never a mix of two.
        string root = CliRunner.TempFolder();
        string folder = Path.Combine(root, "sweep");
        string scenario = ShardedSweeps.SmallSweep(root);
        Assert.Equal(0, CliRunner.Run("sweep", scenario, "--out", folder).ExitCode);

        using (var target = SweepTarget.Open(new SweepCommand.Settings { Scenario = scenario, Out = folder, Force = true }, DateTime.UtcNow).Value!)
        {
            Assert.Equal(["manifest.json", "scenario.yaml", "sweep.json"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            var manifest = TrustSim.Reports.ManifestJson.Read(Path.Combine(folder, "manifest.json"))!;
            Assert.Equal((TrustSim.Reports.RunStatus.Running, "grid", 8L), (manifest.Status, manifest.Sweep!.Design, manifest.Sweep.Runs));
        }
    }
}
