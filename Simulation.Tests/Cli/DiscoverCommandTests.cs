using System.Text.Json;
using TrustSim.Tests.Analysis.Discovery;

namespace TrustSim.Tests.Cli;

/// <summary><c>trustsim discover</c> through the CLI: a discovery folder from a CSV file and from a sweep, the same bytes twice, and bad input.</summary>
public sealed class DiscoverCommandTests
{
    private static readonly string Inputs = "x1,x2,x3,x4,x5";

    private static string PlantedCsv() => PlantedBoxes.WriteCsv(Path.Combine(CliRunner.TempFolder(), "planted.csv"));

    [Fact]
    public void Execute_PlantedCsv_WritesTheBoxItsChartsAndAManifest()
    {
        string csv = PlantedCsv();
        string dir = Path.Combine(CliRunner.TempFolder(), "found");

        var outcome = CliRunner.Run("discover", csv, "--where", "y == 1", "--inputs", Inputs, "--out", dir);

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "discovery.json")));
        var box = json.RootElement.GetProperty("boxes")[0];
        var limits = box.GetProperty("limits");
        Assert.Equal(["x1", "x2"], limits.EnumerateObject().Select(p => p.Name));
        Assert.InRange(limits.GetProperty("x1")[0].GetDouble(), 0.65, 0.75);
        Assert.InRange(limits.GetProperty("x2")[1].GetDouble(), 0.35, 0.45);
        Assert.True(box.GetProperty("density").GetDouble() >= 0.85);
        Assert.True(box.GetProperty("coverage").GetDouble() >= 0.8);
        Assert.True(box.GetProperty("quasi_p").GetProperty("x1").GetDouble() < 1e-20);
        Assert.Equal(1, json.RootElement.GetProperty("boxes").GetArrayLength());
        Assert.Contains("search 2", json.RootElement.GetProperty("stopped").GetProperty("reason").GetString());

        var trajectory = File.ReadAllLines(Path.Combine(dir, "trajectory.csv"));
        Assert.Equal("search,step,stage,cases,of_interest,coverage,density,mass,restricted,x1_low,x1_high,x2_low,x2_high,x3_low,x3_high,x4_low,x4_high,x5_low,x5_high",
            trajectory[0]);
        Assert.StartsWith("1,0,peel,2000,", trajectory[1]);
        var manifest = File.ReadAllText(Path.Combine(dir, "manifest.json"));
        Assert.Contains("\"discovery\": {", manifest);
        Assert.Contains("\"cases\": \"rows\"", manifest);
        Assert.Equal(["boxes.png", "boxes.svg", "trajectory-1.png", "trajectory-1.svg", "trajectory-2.png", "trajectory-2.svg"],
            Directory.GetFiles(Path.Combine(dir, "charts")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("Box 1: coverage", outcome.Out);
        Assert.Contains("In words: Of 2,000 rows,", outcome.Out);
        Assert.Contains("x1 >= 0.7", outcome.Out);
    }

    [Fact]
    public void Execute_SameInputTwice_ByteIdenticalFiles()
    {
        string csv = PlantedCsv();
        string a = Path.Combine(CliRunner.TempFolder(), "a"), b = Path.Combine(CliRunner.TempFolder(), "b");

        Assert.Equal(0, CliRunner.Run("discover", csv, "--where", "y == 1", "--inputs", Inputs + ",mode", "--out", a).ExitCode);
        Assert.Equal(0, CliRunner.Run("discover", csv, "--where", "y == 1", "--inputs", Inputs + ",mode", "--out", b).ExitCode);

        foreach (string file in Directory.GetFiles(a, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("manifest.json", StringComparison.Ordinal)))
        {
            string other = Path.Combine(b, Path.GetRelativePath(a, file));
            Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(other)), $"{Path.GetRelativePath(a, file)} differs");
        }
        Assert.True(Directory.GetFiles(a, "*", SearchOption.AllDirectories).Length >= 7);
    }

    [Fact]
    public void Execute_SweepFolder_RunsByDefaultAndPointsOnRequest()
    {
        string root = CliRunner.TempFolder();
        string sweep = Path.Combine(root, "sweep");
        Assert.Equal(0, CliRunner.Run("sweep", Path.Combine(Paths.RepositoryRoot(), "scenarios", "banks-full-despite-scandal.yaml"), "--out", sweep,
            "--set", "sweep.samples=40", "--set", "users.count=200", "--set", "time.steps=130", "--set", "sweep.metrics=[final_partners_full]").ExitCode);

        var runs = CliRunner.Run("discover", sweep, "--where", "final_partners_full >= 0.3", "--out", Path.Combine(root, "runs"));
        var points = CliRunner.Run("discover", sweep, "--where", "final_partners_full >= 0.3", "--cases", "points", "--out", Path.Combine(root, "points"));

        Assert.True(runs.ExitCode == 0, runs.Error);
        Assert.Contains("80 runs (one case per run of runs.csv; --cases points takes each design point's means instead)", runs.Out);
        Assert.Contains("\"cases\": \"runs\"", File.ReadAllText(Path.Combine(root, "runs", "manifest.json")));
        Assert.True(points.ExitCode == 0, points.Error);
        Assert.Contains("40 points (one case per design point of points.csv, each metric its mean over the point's replications)", points.Out);
        Assert.Contains("\"cases\": \"points\"", File.ReadAllText(Path.Combine(root, "points", "manifest.json")));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "runs", "discovery.json")));
        Assert.Equal(7, json.RootElement.GetProperty("inputs").GetArrayLength());
        Assert.Equal("institutions.generated.bank_theta.mean", json.RootElement.GetProperty("inputs")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Execute_ForceOverAnotherKindOfFolder_ExitsTwo()
    {
        string csv = PlantedCsv();
        string run = Path.Combine(CliRunner.TempFolder(), "run");
        Assert.Equal(0, CliRunner.Run("run", Path.Combine(Paths.RepositoryRoot(), "scenarios", "baseline.yaml"), "--out", run, "--replications", "1",
            "--set", "users.count=200", "--set", "time.steps=5").ExitCode);

        var outcome = CliRunner.Run("discover", csv, "--where", "y == 1", "--inputs", Inputs, "--out", run, "--force");

        Assert.Contains("is a run folder", BadFlagsTests.FirstLine(outcome));
        Assert.False(File.Exists(Path.Combine(run, "discovery.json")));
    }

    public static TheoryData<string[], string> BadInput() => new()
    {
        { ["--where", "y > 5", "--inputs", Inputs], "trustsim: --where: no case is of interest: none of the 2,000 cases has y > 5 (over them y runs from 0 to 1); choose a looser condition" },
        { ["--where", "x1 >= 0", "--inputs", Inputs], "trustsim: --where: every one of the 2,000 cases has x1 >= 0 (over them x1 runs from 0" },
        { ["--where", "y == 1", "--inputs", "x1,c"], "trustsim: --inputs: input 'c' has the value 0.5 in every one of the 2,000 cases: there is nothing to restrict; leave it out of --inputs" },
        { ["--where", "y == 1", "--inputs", "x1,x9"], "trustsim: --inputs: PLANTED has no column 'x9'; did you mean 'x1'?" },
        { ["--where", "yy == 1", "--inputs", Inputs], "trustsim: --where, column 1: PLANTED has no column 'yy'; did you mean 'y'?" },
        { ["--where", "y = 1", "--inputs", Inputs], "trustsim: --where, column 3: write == to test equality (a single = is not a comparison)" },
        { ["--where", "y == 1"], "trustsim: --inputs: name the columns PRIM may restrict, e.g. --inputs x1,x2,x3 (the columns of PLANTED: x1, x2, x3, x4, x5, y, mode, c)" },
        { ["--where", "y == 1", "--inputs", "x1,x1"], "trustsim: --inputs: 'x1' is named twice" },
        { ["--where", "y == 1", "--inputs", Inputs, "--cases", "points"], "trustsim: --cases points applies to a sweep folder; PLANTED is a file, whose rows are the cases" },
        { ["--where", "y == 1", "--inputs", "x1", "--categorical", "x2"], "trustsim: --categorical: 'x2' is not one of the inputs (x1)" },
        { ["--where", "mode > 1", "--inputs", Inputs], "trustsim: --where, column 1: column 'mode' holds text, not only numbers (line 2 of PLANTED has 'a'), so it cannot be compared with a number" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Execute_BadInput_ExitsTwoWithALocatedMessageAndWritesNothing(string[] options, string expected)
    {
        string csv = PlantedCsv();
        string dir = Path.Combine(CliRunner.TempFolder(), "out");

        var outcome = CliRunner.Run(["discover", csv, .. options, "--out", dir]);

        Assert.StartsWith(expected.Replace("PLANTED", csv, StringComparison.Ordinal), BadFlagsTests.FirstLine(outcome));
        Assert.False(Directory.Exists(dir), "nothing is written for bad input");
    }

    [Fact]
    public void Execute_BadExpression_ShowsTheExpressionWithCaretsUnderTheFault()
    {
        var outcome = CliRunner.Run("discover", PlantedCsv(), "--where", "y == 1 and (x1 > 0.5", "--inputs", Inputs);

        var lines = outcome.Error.Split('\n');
        Assert.Equal("trustsim: --where, column 12: this '(' is never closed", BadFlagsTests.FirstLine(outcome));
        Assert.Equal("  y == 1 and (x1 > 0.5", lines[1]);
        Assert.Equal("             ^", lines[2]);
    }

    [Fact]
    public void Execute_NonNumericCell_NamesTheFileLineAndCell()
    {
        string csv = PlantedCsv();
        var lines = File.ReadAllLines(csv);
        lines[7] = lines[7].Replace(lines[7].Split(',')[1], "n/a?", StringComparison.Ordinal);
        File.WriteAllLines(csv, lines);

        var outcome = CliRunner.Run("discover", csv, "--where", "y == 1", "--inputs", Inputs);

        Assert.Equal($"trustsim: {csv}:8: input 'x2' has 'n/a?', not a number, while its other cells are numbers; correct the cell, or name the input " +
            "in --categorical to read every value as a category", BadFlagsTests.FirstLine(outcome));
    }

    [Fact]
    public void Execute_MissingValues_LeavesThoseCasesOutAndSaysSo()
    {
        string csv = PlantedCsv();
        var lines = File.ReadAllLines(csv);
        for (int i = 1; i <= 10; i++) lines[i] = "," + lines[i][(lines[i].IndexOf(',', StringComparison.Ordinal) + 1)..];
        var cells = lines[11].Split(',');
        cells[2] = "NA";
        lines[11] = string.Join(',', cells);
        File.WriteAllLines(csv, lines);

        var outcome = CliRunner.Run("discover", csv, "--where", "y == 1", "--inputs", Inputs, "--out", Path.Combine(CliRunner.TempFolder(), "d"));

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Contains("of 1,989 (", outcome.Out);
        Assert.Contains("left out: 11 with a missing value", outcome.Out);
    }

    [Theory]
    [InlineData("--peel", "0.7", "--peel 0.7 is out of range: a share above 0 and at most 0.5")]
    [InlineData("--paste", "0", "--paste 0 is out of range: a share above 0 and at most 0.5")]
    [InlineData("--min-mass", "1", "--min-mass 1 is out of range: a share above 0 and below 1")]
    [InlineData("--density", "1.5", "--density 1.5 is out of range: a share above 0 and at most 1")]
    [InlineData("--significance", "0", "--significance 0 is out of range: above 0 and below 1")]
    [InlineData("--max-boxes", "0", "--max-boxes 0 is out of range: 1 to 100")]
    [InlineData("--cases", "design", "--cases 'design' is not runs or points (or rows, for a CSV file)")]
    public void Execute_OptionOutOfRange_ExitsTwo(string option, string value, string expected)
    {
        var outcome = CliRunner.Run("discover", PlantedCsv(), "--where", "y == 1", "--inputs", Inputs, option, value);

        Assert.Equal($"trustsim: {expected}", BadFlagsTests.FirstLine(outcome));
    }

    [Fact]
    public void Execute_NoWhere_ExitsTwo() =>
        Assert.Equal("trustsim: discover needs --where EXPR: the condition that makes a case one of interest",
            BadFlagsTests.FirstLine(CliRunner.Run("discover", PlantedCsv(), "--inputs", Inputs)));

    [Fact]
    public void Execute_SourceNotThere_ExitsTwo()
    {
        string missing = Path.Combine(CliRunner.TempFolder(), "nothing.csv");
        Assert.Equal($"trustsim: {missing}: no such sweep folder or CSV file",
            BadFlagsTests.FirstLine(CliRunner.Run("discover", missing, "--where", "y == 1")));
    }

    [Fact]
    public void Execute_RunFolderAsSource_ExitsTwoSayingItIsNotASweep()
    {
        string run = Path.Combine(CliRunner.TempFolder(), "run");
        Assert.Equal(0, CliRunner.Run("run", Path.Combine(Paths.RepositoryRoot(), "scenarios", "baseline.yaml"), "--out", run, "--replications", "1",
            "--set", "users.count=200", "--set", "time.steps=5").ExitCode);

        Assert.Equal($"trustsim: {run}: a run folder, not a sweep folder; discover reads a finished sweep folder or a CSV file",
            BadFlagsTests.FirstLine(CliRunner.Run("discover", run, "--where", "final_reputation > 0.5")));
    }
}
