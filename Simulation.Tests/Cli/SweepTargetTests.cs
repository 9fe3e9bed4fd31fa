using Spectre.Console.Cli;
using TrustSim.Cli;

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

    [Fact]
    public void Open_ResumeAfterTheFolderScenarioWasEdited_SaysItWasEditedNotCompareWithItself()
    {
        string root = CliRunner.TempFolder();
        string folder = Path.Combine(root, "sweep");
        using (var started = SweepTarget.Open(new SweepCommand.Settings { Scenario = ShardedSweeps.SmallSweep(root), Out = folder }, DateTime.UtcNow).Value!)
        {
            // Disposed: the folder's lock is released, as when the sweep command ends.
        }
        string stored = Path.Combine(folder, "scenario.yaml");
        File.AppendAllText(stored, "# an edit\n");

        var target = SweepTarget.Open(new SweepCommand.Settings { Resume = new FlagValue<string> { IsSet = true, Value = folder } }, DateTime.UtcNow);

        Assert.False(target.Ok);
        Assert.StartsWith($"trustsim: {stored} was edited after the sweep wrote it", Assert.Single(target.Problems));
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
            Assert.Equal(["manifest.json", "scenario.yaml"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            var manifest = TrustSim.Reports.ManifestJson.Read(Path.Combine(folder, "manifest.json"))!;
            Assert.Equal((TrustSim.Reports.RunStatus.Running, "grid", 8L), (manifest.Status, manifest.Sweep!.Design, manifest.Sweep.Runs));
        }
    }
}
