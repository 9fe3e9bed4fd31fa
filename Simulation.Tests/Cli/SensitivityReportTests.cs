namespace TrustSim.Tests.Cli;

public sealed class SensitivityReportTests
{
    private static readonly string Sobol = Path.Combine(Paths.RepositoryRoot(), "scenarios", "partnership-drivers-sobol.yaml");

    private static CliRunner.Outcome SmallSobol(string folder, int workers) =>
        CliRunner.Run("sweep", Sobol, "--set", "users.count=300", "--set", "time.steps=60", "--set", "sweep.samples=8",
            "--out", folder, "--workers", workers.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Write_SobolSweepOnOneAndTwoWorkers_SensitivityCsvIsByteIdenticalAndComplete()
    {
        string root = CliRunner.TempFolder();
        var one = SmallSobol(Path.Combine(root, "w1"), 1);
        var two = SmallSobol(Path.Combine(root, "w2"), 2);
        Assert.True(one.ExitCode == 0, one.Error);
        Assert.True(two.ExitCode == 0, two.Error);
        var a = File.ReadAllBytes(Path.Combine(root, "w1", "sensitivity.csv"));
        Assert.Equal(a, File.ReadAllBytes(Path.Combine(root, "w2", "sensitivity.csv")));
        var lines = File.ReadAllLines(Path.Combine(root, "w1", "sensitivity.csv"));
        Assert.Equal("metric,parameter,index,value,ci_low,ci_high", lines[0]);
        // 5 metrics x 5 parameters x (S1, ST).
        Assert.Equal(1 + 5 * 5 * 2, lines.Length);
        Assert.StartsWith("final_partners_full,institutions.imitation,S1,", lines[1]);
        // N = 8 is far too few: the estimators say so, on stderr and in the manifest.
        Assert.Contains("would narrow it to", one.Error);
        Assert.Contains("\"warnings\"", File.ReadAllText(Path.Combine(root, "w1", "manifest.json")));
        Assert.Equal(5, Directory.GetFiles(Path.Combine(root, "w1", "charts"), "sensitivity-*.png").Length);
    }

    [Fact]
    public void Plot_SobolSweepFolder_RedrawsTheSensitivityCharts()
    {
        string root = CliRunner.TempFolder();
        string folder = Path.Combine(root, "s");
        Assert.Equal(0, SmallSobol(folder, 2).ExitCode);
        foreach (var png in Directory.GetFiles(Path.Combine(folder, "charts"), "sensitivity-*.png")) File.Delete(png);
        var plot = CliRunner.Run("plot", folder);
        Assert.True(plot.ExitCode == 0, plot.Error);
        Assert.Equal(5, Directory.GetFiles(Path.Combine(folder, "charts"), "sensitivity-*.png").Length);
    }
}
