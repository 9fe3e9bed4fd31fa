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

        [CommandOption("--json")]
        [Description("Print the figures as one JSON object.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (Users < 1) return ValidationResult.Error("--users must be at least 1");
            if (Steps is < 1) return ValidationResult.Error("--steps must be at least 1");
            if (Limits.Parallelism("--threads", Threads) is { } threads) return threads;
            if (Influence is not (null or "institution" or "network"))
                return ValidationResult.Error($"--influence must be institution or network, not '{Influence}'");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
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

    private static void PrintJson(IAnsiConsole console, IReadOnlyList<BenchResult> results)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        };
        var document = new
        {
            machine = new { processor_count = Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription, runtime = Environment.Version.ToString() },
            results,
        };
        console.Print(JsonSerializer.Serialize(document, options));
    }
}
