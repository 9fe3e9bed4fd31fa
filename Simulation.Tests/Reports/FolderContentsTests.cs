using TrustSim.Reports;

namespace TrustSim.Tests.Reports;

public sealed class FolderContentsTests
{
    private const string RunManifest = """{ "tool_version": "0.1.0", "scenario_name": "s", "status": "completed" }""";

    private static FolderContents Contents(TempFolder temp, params string[] entries)
    {
        foreach (string entry in entries)
        {
            if (entry.EndsWith('/')) Directory.CreateDirectory(temp.File(entry.TrimEnd('/')));
            else File.WriteAllText(temp.File(entry), entry == "manifest.json" ? RunManifest : "x");
        }
        return FolderContents.Of(temp.Path);
    }

    [Fact]
    public void Of_OnlyATemporaryFileAndAProbe_IsEmpty()
    {
        using var temp = new TempFolder();

        var contents = Contents(temp, ".summary.csv.0123456789abcdef0123456789abcdef.tmp", ".trustsim-write-test-0123456789abcdef0123456789abcdef");

        Assert.True(contents.IsEmpty);
    }

    [Fact]
    public void Of_FinishedRunFolder_IsARunWithNothingForeign()
    {
        using var temp = new TempFolder();

        var contents = Contents(temp, "manifest.json", "scenario.yaml", "timeseries.csv", "summary.csv", "events.csv", "institutions.csv", "charts/");

        Assert.Equal((false, OutputKind.Run, "manifest.json", 0), (contents.IsEmpty, contents.Kind, contents.Evidence, contents.Foreign.Count));
    }

    [Fact]
    public void Of_SweepManifest_IsASweep()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("manifest.json"), """{ "tool_version": "0.1.0", "status": "running", "sweep": { "design": "grid" } }""");

        var contents = Contents(temp, "scenario.yaml", "journal.jsonl", "parts/");

        Assert.Equal((OutputKind.Sweep, false), (contents.Kind, contents.IsForeign));
    }

    [Theory]
    [InlineData("journal.jsonl", "Sweep")]
    [InlineData("shard.json", "Sweep")]
    [InlineData("threshold.csv", "Sweep")]
    [InlineData("submit.sh", "Slurm")]
    [InlineData("comparison.csv", "Comparison")]
    [InlineData("fit.csv", "Calibration")]
    [InlineData("posterior.csv", "Calibration")]
    [InlineData("summary.csv", "Run")]
    public void Of_UnfinishedFolderWithoutManifest_KindFromTheFileOnlyThatKindWrites(string marker, string expected)
    {
        var kind = Enum.Parse<OutputKind>(expected);
        using var temp = new TempFolder();

        var contents = Contents(temp, "scenario.yaml", marker);

        Assert.Equal((kind, marker, false), (contents.Kind, contents.Evidence, contents.IsForeign));
    }

    [Fact]
    public void Of_PosteriorManifest_IsACalibrationWhoseSummaryIsItsOwn()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("manifest.json"), """{ "tool_version": "0.1.0", "status": "not_converged", "posterior": { "method": "posterior" } }""");

        var contents = Contents(temp, "scenario.yaml", "posterior.csv", "summary.csv", "fit.csv", "correlation.csv", "profile.csv", "predictive.csv", "charts/");

        Assert.Equal((OutputKind.Calibration, false), (contents.Kind, contents.IsForeign));
    }

    [Fact]
    public void Of_OnlyScenarioYaml_IsTrustsimsOfNoKnownKind()
    {
        using var temp = new TempFolder();

        var contents = Contents(temp, "scenario.yaml");

        Assert.Equal((false, (OutputKind?)null, false), (contents.IsEmpty, contents.Kind, contents.IsForeign));
    }

    [Fact]
    public void Of_RunFolderWithAUserFileAndASweepJournal_NamesBoth()
    {
        using var temp = new TempFolder();

        var contents = Contents(temp, "manifest.json", "summary.csv", "notes.txt", "journal.jsonl");

        Assert.Equal(OutputKind.Run, contents.Kind);
        Assert.Equal(["journal.jsonl", "notes.txt"], contents.Foreign);
    }

    [Fact]
    public void Of_ManifestTrustsimDidNotWrite_IsForeign()
    {
        // Another tool's manifest.json must not make a folder look like trustsim's (and so replaceable).
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("manifest.json"), """{ "name": "my extension", "version": "1.0" }""");

        var contents = FolderContents.Of(temp.Path);

        Assert.Equal((OutputKind?)null, contents.Kind);
        Assert.Equal(["manifest.json"], contents.Foreign);
    }

    [Fact]
    public void Of_HomeLikeFolder_IsForeign()
    {
        using var temp = new TempFolder();

        var contents = Contents(temp, ".bashrc", ".ssh/", "Documents/", "scenario.yaml");

        Assert.Null(contents.Kind);
        Assert.Equal([".bashrc", ".ssh", "Documents"], contents.Foreign);
    }
}
