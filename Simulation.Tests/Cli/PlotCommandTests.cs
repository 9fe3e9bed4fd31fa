namespace TrustSim.Tests.Cli;

public sealed class PlotCommandTests
{
    private static readonly string Scenarios = Path.Combine(Paths.RepositoryRoot(), "scenarios");

    [Fact]
    public void Execute_RunFolderWithChartsDeleted_RedrawsTheSameCharts()
    {
        string dir = Path.Combine(CliRunner.TempFolder(), "run");
        Assert.Equal(0, CliRunner.Run("run", Path.Combine(Scenarios, "cambridge-analytica.yaml"), "--out", dir,
            "--replications", "2", "--set", "users.count=500", "--set", "time.steps=180").ExitCode);
        string charts = Path.Combine(dir, "charts");
        var before = Directory.GetFiles(charts).ToDictionary(f => Path.GetFileName(f)!, File.ReadAllBytes);
        Directory.Delete(charts, recursive: true);

        var result = CliRunner.Run("plot", dir);

        Assert.True(result.ExitCode == 0, result.Error);
        var after = Directory.GetFiles(charts).ToDictionary(f => Path.GetFileName(f)!, File.ReadAllBytes);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        // Read back from CSV (shortest round-trip numbers), the charts are pixel for pixel the same.
        foreach (var (name, bytes) in before) Assert.True(bytes.SequenceEqual(after[name]), name);
    }

    [Fact]
    public void Execute_ChartCannotBeWritten_SaysSoOnceAndExitsOne()
    {
        // A run folder where charts/reputation.png is a directory: that chart cannot be written, the others can.
        // (A run itself builds its folder afresh beside --out, where nothing can stand in the way.)
        string folder = Path.Combine(CliRunner.TempFolder(), "run");
        Assert.Equal(0, CliRunner.Run("run", Path.Combine(Scenarios, "cambridge-analytica.yaml"), "--out", folder,
            "--replications", "2", "--set", "users.count=500", "--set", "time.steps=180").ExitCode);
        File.Delete(Path.Combine(folder, "charts", "reputation.png"));
        Directory.CreateDirectory(Path.Combine(folder, "charts", "reputation.png"));
        File.Delete(Path.Combine(folder, "charts", "partners.png"));

        var outcome = CliRunner.Run("plot", folder);

        Assert.Equal(1, outcome.ExitCode);
        var line = Assert.Single(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"trustsim: {Path.Combine(folder, "charts", "reputation.png")}: chart not drawn: ", line);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(line, "chart not drawn"));
        Assert.True(File.Exists(Path.Combine(folder, "charts", "partners.png")));
    }

    [Fact]
    public void Execute_SweepFolderWithChartsDeleted_RedrawsEveryChart()
    {
        string dir = Path.Combine(CliRunner.TempFolder(), "sweep");
        Assert.Equal(0, CliRunner.Run("sweep", Path.Combine(Scenarios, "repeated-scandals.yaml"), "--out", dir,
            "--set", "users.count=300", "--set", "time.steps=30", "--set", "sweep.parameters.0.values=[0,4]").ExitCode);
        string charts = Path.Combine(dir, "charts");
        var before = Directory.GetFiles(charts).Select(Path.GetFileName).Order().ToList();
        Directory.Delete(charts, recursive: true);

        var result = CliRunner.Run("plot", dir);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(before, Directory.GetFiles(charts).Select(Path.GetFileName).Order().ToList());
        Assert.Contains("fan-reputation.png", before);
    }

    [Fact]
    public void Execute_MergedSweepWithChartsDeleted_RedrawsTheSameCharts()
    {
        string root = CliRunner.TempFolder();
        string scenario = ShardedSweeps.SmallSweep(root);
        string[] shards = ShardedSweeps.RunShards(root, scenario, 2, 0, 1);
        string merged = Path.Combine(root, "merged");
        var merge = CliRunner.Run(["merge", .. shards, "--out", merged]);
        Assert.True(merge.ExitCode == 0, merge.Error);
        string charts = Path.Combine(merged, "charts");
        var before = Directory.GetFiles(charts).ToDictionary(f => Path.GetFileName(f)!, File.ReadAllBytes);
        Directory.Delete(charts, recursive: true);

        var result = CliRunner.Run("plot", merged);

        Assert.True(result.ExitCode == 0, result.Error);
        var after = Directory.GetFiles(charts).ToDictionary(f => Path.GetFileName(f)!, File.ReadAllBytes);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (name, bytes) in before) Assert.True(bytes.SequenceEqual(after[name]), name);
        Assert.Contains("of the sweep drawn", result.Out);
    }

    [Fact]
    public void Execute_RunFolderInTheFormerLayout_RedrawsTheSameCharts()
    {
        // A folder as trustsim wrote it before typed events and text seeds: events.csv with subject and detail,
        // decimal seeds in summary.csv and JSON numbers in manifest.json. Read, it gives the charts this build drew.
        string dir = Path.Combine(CliRunner.TempFolder(), "run");
        Assert.Equal(0, CliRunner.Run("run", Path.Combine(Scenarios, "regulatory-intervention.yaml"), "--out", dir,
            "--replications", "2", "--set", "users.count=500", "--set", "scandals.rate=6").ExitCode);
        string charts = Path.Combine(dir, "charts");
        var before = Directory.GetFiles(charts).ToDictionary(f => Path.GetFileName(f)!, File.ReadAllBytes);
        FormerLayout.Rewrite(dir);
        Directory.Delete(charts, recursive: true);

        var result = CliRunner.Run("plot", dir);

        Assert.True(result.ExitCode == 0, result.Error);
        var after = Directory.GetFiles(charts).ToDictionary(f => Path.GetFileName(f)!, File.ReadAllBytes);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (name, bytes) in before) Assert.True(bytes.SequenceEqual(after[name]), name);
    }

    [Fact]
    public void Execute_NotARunFolder_ExitsTwo()
    {
        var result = CliRunner.Run("plot", CliRunner.TempFolder());
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a TrustSim output folder (no manifest.json)", result.Error);
    }
}
