namespace TrustSim.Tests.Cli;

/// <summary>The test classes that corrupt copies of <see cref="OutputFolders"/>, which is made once for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class OutputFoldersCollection : ICollectionFixture<OutputFolders>
{
    public const string Name = "OutputFolders";
}

/// <summary>
/// One small folder of every kind the tool writes (run, second run, sweep, comparison, calibration by the optimiser
/// and by the posterior, threshold sweep, discovery), made once by the CLI itself, for tests that corrupt copies of them.
/// </summary>
public sealed class OutputFolders : IDisposable
{
    private static readonly string Scenarios = Path.Combine(Paths.RepositoryRoot(), "scenarios");

    public OutputFolders()
    {
        Root = TempFolder.Create();
        string[] small = ["--set", "users.count=200", "--set", "time.steps=30"];
        Make("run", ["run", Scenario("repeated-scandals.yaml"), "--out", Run, "--replications", "2", .. small]);
        Make("run", ["run", Scenario("repeated-scandals.yaml"), "--out", OtherRun, "--replications", "2", "--seed", "7", .. small]);
        // Three parameters of two values: 8 points, so fan charts read timeseries.parquet and marginal response charts read runs.csv;
        // one metric keeps the charts few.
        string sweep = Path.Combine(Root, "sweep.yaml");
        File.WriteAllText(sweep, $"extends: {Scenario("repeated-scandals.yaml")}\nname: three-way\nsweep:\n  replications: 2\n  metrics: [final_reputation]\n  parameters:\n" +
            "    - path: scandals.rate\n      values: [0, 4]\n    - path: platform.scar\n      values: [0, 0.8]\n" +
            "    - path: institutions.imitation\n      values: [0.1, 0.5]\n");
        Make("sweep", ["sweep", sweep, "--out", Sweep, "--workers", "2", .. small]);
        Make("compare", ["compare", Run, OtherRun, "--out", Comparison]);
        Make("calibrate", ["calibrate", Scenario("calibrate-ponemon.yaml"), "--out", Calibration, "--set", "calibrate.method=optimize",
            "--set", "calibrate.budget=12", "--set", "calibrate.starts=1", "--set", "users.count=300"]);
        // A posterior cut far too short to converge (exit 1), which still writes every file and draws every chart.
        Make("posterior calibrate", ["calibrate", Scenario("calibrate-ponemon.yaml"), "--out", Posterior, "--set", "calibrate.warmup=20",
            "--set", "calibrate.draws=25", "--set", "calibrate.profile_points=2", "--set", "calibrate.profile_evaluations=3",
            "--set", "users.count=100", "--set", "calibrate.replications=1"], exitCode: 1);
        Make("threshold", ["sweep", Scenario("scandal-severity-threshold.yaml"), "--out", Threshold, "--set", "users.count=200",
            "--set", "sweep.replications=2"]);
        // A categorical input too, so its kept categories go through discovery.json and trajectory.csv.
        string planted = Analysis.Discovery.PlantedBoxes.WriteCsv(Path.Combine(Root, "planted.csv"), cases: 600);
        Make("discover", ["discover", planted, "--where", "y == 1", "--inputs", "x1,x2,x3,mode", "--out", Discovery]);
    }

    public string Root { get; }

    public string Run => Path.Combine(Root, "run");

    public string OtherRun => Path.Combine(Root, "run-seed-7");

    public string Sweep => Path.Combine(Root, "sweep");

    public string Comparison => Path.Combine(Root, "comparison");

    public string Calibration => Path.Combine(Root, "calibration");

    public string Posterior => Path.Combine(Root, "posterior");

    public string Threshold => Path.Combine(Root, "threshold");

    public string Discovery => Path.Combine(Root, "discovery");

    /// <summary>A copy of <paramref name="folder"/> without its charts, in a new temporary folder.</summary>
    public static string Copy(string folder)
    {
        string copy = Path.Combine(TempFolder.Create(), Path.GetFileName(folder));
        Directory.CreateDirectory(copy);
        foreach (string file in Directory.GetFiles(folder)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        return copy;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static string Scenario(string name) => Path.Combine(Scenarios, name);

    private static void Make(string what, string[] args, int exitCode = 0)
    {
        var outcome = CliRunner.Run(args);
        Assert.True(outcome.ExitCode == exitCode, $"{what}: exit {outcome.ExitCode}: {outcome.Error}");
    }
}
