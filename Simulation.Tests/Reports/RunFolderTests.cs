using TrustSim.Engine;
using TrustSim.Reports;

namespace TrustSim.Tests.Reports;

public sealed class RunFolderTests
{
    private static readonly string[] DataFiles = ["scenario.yaml", "timeseries.csv", "summary.csv", "events.csv", "institutions.csv"];

    [Fact]
    public void DefaultPath_FreeName_IsScenarioThenTimestamp()
    {
        using var temp = new TempFolder();

        string path = RunFolder.DefaultPath(temp.Path, "base-case", new DateTime(2026, 3, 4, 5, 6, 7));

        Assert.Equal(Path.Combine(temp.Path, "base-case", "20260304-050607"), path);
    }

    [Fact]
    public void DefaultPath_SameSecondTaken_AddsSuffix()
    {
        using var temp = new TempFolder();
        string taken = Path.Combine(temp.Path, "s", "20260304-050607");
        Directory.CreateDirectory(taken);
        File.WriteAllText(Path.Combine(taken, "manifest.json"), "{}");

        string path = RunFolder.DefaultPath(temp.Path, "s", new DateTime(2026, 3, 4, 5, 6, 7));

        Assert.Equal(taken + "-2", path);
    }

    [Fact]
    public void DefaultPath_NameWhoseLockFileExists_AddsSuffix()
    {
        // A name another command holds (or held, and was killed before writing anything) is not shared.
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, "s"));
        File.WriteAllText(Path.Combine(temp.Path, "s", ".20260304-050607.trustsim.lock"), "");

        string path = RunFolder.DefaultPath(temp.Path, "s", new DateTime(2026, 3, 4, 5, 6, 7));

        Assert.Equal(Path.Combine(temp.Path, "s", "20260304-050607-2"), path);
    }

    [Fact]
    public void Start_Folder_WritesARunningManifestOnly()
    {
        using var temp = new TempFolder();
        string folder = temp.File("staging");

        RunFolder.Start(folder, Manifest() with { Status = RunStatus.Running, MasterSeed = 9 });

        Assert.Equal(["manifest.json"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName));
        var manifest = ManifestJson.Read(Path.Combine(folder, "manifest.json"))!;
        Assert.Equal((RunStatus.Running, 9UL), (manifest.Status, manifest.MasterSeed));
        Assert.Contains("\"status\": \"running\"", File.ReadAllText(Path.Combine(folder, "manifest.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SyntheticRun_WritesDataChartsAndManifest()
    {
        using var temp = new TempFolder();
        IReadOnlyList<RunResult> results = SyntheticRuns.Realistic(replications: 3, steps: 40);

        RunFolderResult written = RunFolder.Write(temp.Path, SyntheticRuns.Scenario(), "name: synthetic\r\nseed: 42", results, Manifest());

        Assert.Empty(written.ChartProblems);
        foreach (string name in DataFiles.Append("manifest.json"))
        {
            Assert.True(File.Exists(temp.File(name)), name);
        }
        Assert.Equal(5, Directory.GetFiles(Path.Combine(temp.Path, "charts"), "*.png").Length);
        Assert.Equal("name: synthetic\nseed: 42\n", File.ReadAllText(temp.File("scenario.yaml")));
        Assert.EndsWith("manifest.json", written.Files[^1], StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Write_ChartPathIsAFolder_ReportsThatChartOnceAndWritesTheOthers()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, "charts", "reputation.png"));

        RunFolderResult written = RunFolder.Write(temp.Path, SyntheticRuns.Scenario(), "name: synthetic\n", SyntheticRuns.Realistic(2, 20), Manifest());

        Assert.StartsWith($"{Path.Combine(temp.Path, "charts", "reputation.png")}: chart not drawn: ", Assert.Single(written.ChartProblems));
        Assert.Equal(4, Directory.GetFiles(Path.Combine(temp.Path, "charts"), "*.png").Length);
        Assert.True(File.Exists(temp.File("manifest.json")));
    }

    [Fact]
    public void Write_SameResultsTwice_DataFilesByteIdentical()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        IReadOnlyList<RunResult> results = SyntheticRuns.Realistic(replications: 2, steps: 20);

        RunFolder.Write(first.Path, SyntheticRuns.Scenario(), "name: synthetic\n", results, Manifest());
        RunFolder.Write(second.Path, SyntheticRuns.Scenario(), "name: synthetic\n", results,
            Manifest() with { StartedUtc = DateTime.UtcNow, EndedUtc = DateTime.UtcNow });

        foreach (string name in DataFiles)
        {
            Assert.Equal(File.ReadAllBytes(first.File(name)), File.ReadAllBytes(second.File(name)));
        }
    }

    private static Manifest Manifest() => new()
    {
        ToolVersion = "test",
        ScenarioName = "synthetic",
        StartedUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        EndedUtc = new DateTime(2026, 1, 1, 0, 0, 1, DateTimeKind.Utc),
        WallSeconds = 1,
        Status = RunStatus.Completed,
    };
}
