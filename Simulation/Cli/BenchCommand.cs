using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console.Cli;
using Spectre.Console;
using TrustSim.Benchmark;
using TrustSim.Scenarios;

namespace TrustSim.Cli;

/// <summary>
/// <c>trustsim bench</c>: times the engine on the Cambridge Analytica scenario for institution and
/// network influence, on one thread and on all cores, and prints throughput, memory and allocation.
/// </summary>
internal sealed class BenchCommand(Terminal terminal) : Command<BenchCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--users <N>")]
        [Description("Simulated users (default 1,000,000).")]
        public int Users { get; init; } = 1_000_000;

        [CommandOption("--steps <N>")]
        [Description("Steps to run (default 260 weekly steps, the scenario's own); scheduled events after the last step are left out.")]
        public int? Steps { get; init; }

        [CommandOption("--influence <KIND>")]
        [Description("institution or network (default: both; network with degree 8).")]
        public string? Influence { get; init; }

        [CommandOption("--threads <N>")]
        [Description("Threads for each run (default: 1 and all cores).")]
        public int? Threads { get; init; }

        [CommandOption("--scenario <FILE>")]
        [Description("Scenario with the shocks (default scenarios/cambridge-analytica.yaml, from here or else the copy shipped beside the tool).")]
        public string? Scenario { get; init; }

        [CommandOption("--set <PATH=VALUE>")]
        [Description("Override a scenario key, e.g. --set users.reconsider=0 to see what a mechanism costs (repeatable).")]
        public string[] Overrides { get; init; } = [];

        [CommandOption("--sweep")]
        [Description("Time a sweep of many small runs against one run with as many user-steps, instead of the engine cases " +
                     "(--sweep-runs runs of --sweep-users users over --steps steps, default 2,000 of 2,000 over 156; --threads workers, default all cores).")]
        public bool Sweep { get; init; }

        [CommandOption("--sweep-runs <N>")]
        [Description("Runs of the sweep case (default 2,000).")]
        public int SweepRuns { get; init; } = 2_000;

        [CommandOption("--sweep-users <N>")]
        [Description("Users of each run of the sweep case (default 2,000).")]
        public int SweepUsers { get; init; } = 2_000;

        [CommandOption("--warm")]
        [Description("With --sweep: run the sweep once, untimed, before the timed one, so the figures are the steady state " +
                     "after the JIT's warm-up (which a sweep started from the command line pays once: about a third of a second on 2 cores).")]
        public bool Warm { get; init; }

        [CommandOption("--json")]
        [Description("Print the figures as one JSON object.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (Users < 1) return ValidationResult.Error("--users must be at least 1");
            if (Steps is < 1) return ValidationResult.Error("--steps must be at least 1");
            if (SweepRuns < 2) return ValidationResult.Error("--sweep-runs must be at least 2");
            if (SweepUsers < 1) return ValidationResult.Error("--sweep-users must be at least 1");
            if (Warm && !Sweep) return ValidationResult.Error("--warm goes with --sweep (the engine cases always warm up)");
            if (Limits.Parallelism("--threads", Threads) is { } threads) return threads;
            if (Influence is not (null or "institution" or "network"))
                return ValidationResult.Error($"--influence must be institution or network, not '{Influence}'");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Sweep) return ExecuteSweep(settings);
        var influences = settings.Influence is { } one ? [one] : new[] { "institution", "network" };
        var threads = settings.Threads is { } t ? [t] : new[] { 1, Environment.ProcessorCount }.Distinct().ToArray();
        var results = new List<BenchResult>();
        foreach (var influence in influences)
        {
            var overrides = new List<string>
            {
                $"users.count={settings.Users.ToString(CultureInfo.InvariantCulture)}",
                $"users.influence={influence}",
                "users.network.degree=8",
            };
            overrides.AddRange(settings.Overrides);
            var loaded = ScenarioInput.Load(settings.Scenario ?? DefaultScenario(), overrides);
            if (!loaded.Ok) return terminal.BadInput(loaded.Problems);
            var scenario = settings.Steps is { } steps ? CutTo(loaded.Value, steps) : loaded.Value;
            foreach (var n in threads)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var r = EngineBenchmark.Measure(scenario, new BenchCase(influence, n));
                results.Add(r);
                if (!settings.Json) Print(terminal.Out, r);
            }
        }
        if (settings.Json) PrintJson(terminal.Out, results);
        return ExitCode.Done;
    }

    /// <summary>The sweep case: the bench scenario at --sweep-users users and --steps steps (156 by default), swept in a temporary folder.</summary>
    private int ExecuteSweep(Settings settings)
    {
        var overrides = new List<string> { $"users.count={settings.SweepUsers.ToString(CultureInfo.InvariantCulture)}", "users.influence=institution" };
        overrides.AddRange(settings.Overrides);
        var loaded = ScenarioInput.Load(settings.Scenario ?? DefaultScenario(), overrides);
        if (!loaded.Ok) return terminal.BadInput(loaded.Problems);
        long users = (long)settings.SweepRuns * settings.SweepUsers;
        if (users > int.MaxValue) return terminal.BadInput([$"trustsim: --sweep-runs times --sweep-users is {users:N0} users for the one run, more than it can hold"]);
        var scenario = CutTo(loaded.Value, settings.Steps ?? 156);
        string folder = Path.Combine(Path.GetTempPath(), $"trustsim-bench-sweep-{Environment.ProcessId}");
        SweepBenchResult result;
        try
        {
            result = SweepBenchmark.Measure(scenario, settings.SweepRuns, settings.Threads ?? Environment.ProcessorCount, folder, settings.Warm);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        if (settings.Json) PrintJson(terminal.Out, new { sweep = result });
        else PrintSweep(terminal.Out, result);
        return ExitCode.Done;
    }

    private static void PrintSweep(IAnsiConsole console, SweepBenchResult r)
    {
        static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
        var table = new Table().Title($"sweep: {r.Runs:N0} runs of {r.UsersPerRun:N0} users x {r.Steps} steps on {r.Workers} worker{(r.Workers == 1 ? "" : "s")}, " +
                                      $"against one run of {r.OneRunUsers:N0} users{(r.Warm ? " (after a warm-up sweep)" : "")}")
            .AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        Row("runs seconds (worlds, steps, spool, journal)", F(r.RunsSeconds, "F3"));
        Row("data files seconds (runs.csv, points.csv, timeseries.parquet)", F(r.DataFilesSeconds, "F3"));
        Row("sweep seconds", F(r.SweepSeconds, "F3"));
        Row("runs per second", F(r.RunsPerSecond, "F0"));
        Row("bytes allocated per run", F(r.AllocatedBytesPerRun, "N0"));
        Row("one run seconds (setup and stepping)", F(r.OneRunSeconds, "F3"));
        Row("sweep over one run", F(r.SweepOverOneRun, "F2"));
        Row("spool over timeseries.parquet", F((double)r.SpoolBytes / r.ParquetBytes, "F2"));
        Row("spool and journal over timeseries.parquet", F((double)(r.SpoolBytes + r.JournalBytes) / r.ParquetBytes, "F2"));
        if (r.Failed > 0) Row("failed runs", r.Failed.ToString(CultureInfo.InvariantCulture));
        console.Write(table);
    }

    /// <summary>
    /// The shipped Cambridge Analytica scenario: the one under the working folder when there is one
    /// (the repository), else the copy the build puts beside the tool, so bench runs from anywhere.
    /// </summary>
    private static string DefaultScenario()
    {
        var here = Path.Combine("scenarios", "cambridge-analytica.yaml");
        return File.Exists(here) ? here : Path.Combine(AppContext.BaseDirectory, here);
    }

    /// <summary>
    /// The scenario run for <paramref name="steps"/> steps only. Scheduled events after the last step
    /// are left out rather than refused: a short bench times the engine, not the schedule.
    /// </summary>
    private static Scenario CutTo(Scenario scenario, int steps) =>
        steps >= scenario.Time.Steps ? scenario with { Time = scenario.Time with { Steps = steps } } : ScheduleWindow.Cut(scenario, steps).Scenario;

    private static void Print(IAnsiConsole console, BenchResult r)
    {
        var table = new Table().Title($"{r.Influence} influence, {r.Threads} thread{(r.Threads == 1 ? "" : "s")}: " +
                                      $"{r.Users:N0} users, {r.Institutions} institutions, {r.Steps} steps")
            .AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        Row("user-steps per second", r.UserStepsPerSecond.ToString("0.00e0", CultureInfo.InvariantCulture));
        Row("ns per user-step", r.NsPerUserStep.ToString("F2", CultureInfo.InvariantCulture));
        Row("state bytes per user", r.StateBytesPerUser.ToString("F1", CultureInfo.InvariantCulture));
        Row("network bytes per user", r.NetworkBytesPerUser.ToString("F1", CultureInfo.InvariantCulture));
        Row($"bytes allocated per steady step ({r.SteadySteps} steps)", r.AllocatedBytesPerSteadyStep.ToString("F1", CultureInfo.InvariantCulture));
        Row("bytes allocated per step, all steps", r.AllocatedBytesPerStepAll.ToString("F1", CultureInfo.InvariantCulture));
        Row("bytes allocated by other threads, all steps", r.OtherThreadsAllocatedBytes.ToString(CultureInfo.InvariantCulture));
        Row("peak working set (MB)", (r.PeakWorkingSetBytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture));
        Row("setup seconds (network alone)", $"{r.SetupSeconds.ToString("F3", CultureInfo.InvariantCulture)} ({r.NetworkSetupSeconds.ToString("F3", CultureInfo.InvariantCulture)})");
        Row("stepping seconds", r.StepSeconds.ToString("F3", CultureInfo.InvariantCulture));
        Row("wall seconds", r.WallSeconds.ToString("F3", CultureInfo.InvariantCulture));
        console.Write(table);
    }

    private static void PrintJson(IAnsiConsole console, IReadOnlyList<BenchResult> results) => PrintJson(console, new { results });

    private static void PrintJson(IAnsiConsole console, object figures)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        };
        var machine = new { processor_count = Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription, runtime = Environment.Version.ToString() };
        var document = JsonSerializer.SerializeToNode(figures, options)!.AsObject();
        document.Insert(0, "machine", JsonSerializer.SerializeToNode(machine, options));
        console.Print(document.ToJsonString(options));
    }
}
