using Spectre.Console;
using Spectre.Console.Cli;
using TrustSim.Reports;

namespace TrustSim.Cli;

/// <summary>
/// Wires the verbs to their commands and turns every failure into one readable line and an exit
/// code from the contract: bad flags exit 2, anything unexpected exits 1, never a stack trace.
/// </summary>
internal static class TrustSimApp
{
    /// <summary>Runs one command line; <paramref name="terminal"/> defaults to the process's standard output and error.</summary>
    public static int Run(string[] args, Terminal? terminal = null)
    {
        var consoles = terminal ?? Terminal.Standard();
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("trustsim");
            // `trustsim --version`: the version and the commit it was built from (the SDK appends
            // the commit to the informational version when it builds inside a git checkout).
            config.SetApplicationVersion(VersionText(RunEnvironment.ToolVersion));
            config.Settings.StrictParsing = true;
            // Spectre's own help goes to our standard output; each command gets the terminal in its constructor.
            config.Settings.Console = consoles.Out;
            config.Settings.Registrar.RegisterInstance(consoles);
            config.AddCommand<RunCommand>("run")
                .WithDescription("Run a scenario's replications and write a run folder: data files and charts.")
                .WithExample("run", "scenarios/cambridge-analytica.yaml")
                .WithExample("run", "scenarios/baseline.yaml", "--replications", "20", "--set", "platform.scar=0.6");
            config.AddCommand<CalibrateCommand>("calibrate")
                .WithDescription("Fit a scenario's calibrate: parameters to observed data and write a calibration folder.")
                .WithExample("calibrate", "scenarios/calibrate-ponemon.yaml");
            config.AddCommand<SweepCommand>("sweep")
                .WithDescription("Run a scenario's sweep: design in parallel and write a sweep folder: journal, runs.csv, points.csv, timeseries.parquet, charts.")
                .WithExample("sweep", "scenarios/repeated-scandals.yaml", "--workers", "2")
                .WithExample("sweep", "--resume", "output/repeated-scandals/20250101-120000");
            config.AddCommand<MergeCommand>("merge")
                .WithDescription("Join the shard folders of one sweep (sweep --shard K/N) into one sweep folder, byte-identical to a sweep on one machine.")
                .WithExample("merge", "output/cluster/shards/shard-0-of-4", "output/cluster/shards/shard-1-of-4", "--out", "output/cluster/merged");
            config.AddCommand<SlurmCommand>("slurm")
                .WithDescription("Write Slurm job scripts for a sweep: an array job of shards and a merge job that waits for them; prints the command to submit.")
                .WithExample("slurm", "scenarios/repeated-scandals.yaml", "--shards", "16", "--time", "02:00:00");
            config.AddCommand<CompareCommand>("compare")
                .WithDescription("Compare run folders, sweep folders or scenario files (run with common random numbers): statistics, comparison.csv and overlay charts.")
                .WithExample("compare", "scenarios/cambridge-analytica.yaml", "scenarios/limited-partnership-policy.yaml")
                .WithExample("compare", "output/sweep-a/20250101-120000", "output/sweep-b/20250101-130000", "--out", "output/a-vs-b");
            config.AddCommand<DiscoverCommand>("discover")
                .WithDescription("Scenario discovery with PRIM: which combinations of a sweep's parameters (or a CSV file's columns) lead to the cases of interest.")
                .WithExample("discover", "output/banks-full", "--where", "final_banks_full>=0.5")
                .WithExample("discover", "results.csv", "--inputs", "x1,x2,mode", "--where", "outcome==1");
            config.AddCommand<PlotCommand>("plot")
                .WithDescription("Redraw the charts of a run, sweep, comparison or calibration folder from its data files (checked first).")
                .WithExample("plot", "output/repeated-scandals/20250101-120000");
            config.AddCommand<ReportCommand>("report")
                .WithDescription("Write report.html of a run, sweep, comparison or calibration folder again from its files (checked first): charts, tables, warnings, scenario, provenance.")
                .WithExample("report", "output/repeated-scandals/20250101-120000");
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Check scenario files and print every problem; runs nothing.")
                .WithExample("validate", "scenarios/baseline.yaml", "scenarios/seed-2018.yaml");
            config.AddCommand<SchemaCommand>("schema")
                .WithDescription("Write the JSON Schema of the scenario format, for editor completion and checking (docs/scenario.schema.json is a copy).")
                .WithExample("schema", "--out", "scenario.schema.json");
            config.AddCommand<BenchCommand>("bench")
                .WithDescription("Time the engine: user-steps per second, memory and allocation per step, on one thread and all cores.")
                .WithExample("bench")
                .WithExample("bench", "--users", "10000000", "--influence", "institution", "--threads", "1", "--json");
            config.SetExceptionHandler((ex, _) => Fail(ex, args, consoles.Error));
        });
        return app.Run(args);
    }

    /// <summary>"0.1.0+COMMIT" as "trustsim 0.1.0 (commit COMMIT)"; a version without a commit as it is.</summary>
    internal static string VersionText(string informational)
    {
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? $"trustsim {informational}" : $"trustsim {informational[..plus]} (commit {informational[(plus + 1)..]})";
    }

    private static int Fail(Exception ex, string[] args, IAnsiConsole error)
    {
        switch (ex)
        {
            case CommandAppException app:
                // Parsing and settings validation: the user's flags are wrong.
                error.Print($"trustsim: {ParseErrors.Explain(Plain(app.Message), args)}");
                error.Print("Run 'trustsim --help' or 'trustsim VERB --help' for usage.");
                return ExitCode.BadInput;
            case OperationCanceledException:
                error.Print("trustsim: interrupted");
                return ExitCode.Interrupted;
            default:
                error.Print($"trustsim: unexpected error: {ex.GetType().Name}: {ex.Message}");
                return ExitCode.RunFailed;
        }
    }

    private static string Plain(string markup)
    {
        try
        {
            return Markup.Remove(markup);
        }
        catch (InvalidOperationException)
        {
            return markup;
        }
    }
}
