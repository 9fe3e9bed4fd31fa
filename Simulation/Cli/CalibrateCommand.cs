using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TrustSim.Engine;
using TrustSim.Experiments;
using TrustSim.Reports;
using TrustSim.Scenarios;

namespace TrustSim.Cli;

/// <summary>
/// <c>trustsim calibrate SCENARIO</c>: fits the scenario's <c>calibrate:</c> parameters to its
/// observations and writes a calibration folder: a posterior (<see cref="PosteriorExecution"/>, the
/// default) or the optimiser's best point. Ctrl-C stops after the current evaluation and keeps what
/// was drawn, or the best fit so far (exit 130).
/// </summary>
internal sealed class CalibrateCommand(Terminal terminal) : Command<CalibrateCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SCENARIO>")]
        [Description("Scenario YAML file with a calibrate: section.")]
        public string Scenario { get; init; } = "";

        [CommandOption("--out <DIR>")]
        [Description("Calibration folder (default: output/<name>-calibration/<yyyyMMdd-HHmmss>).")]
        public string? Out { get; init; }

        [CommandOption("--workers <N>")]
        [Description("Chains (posterior), or replications of one evaluation (optimize), run at once (default: all cores); the results are the same for any N.")]
        public int? Workers { get; init; }

        [CommandOption("--set <PATH=VALUE>")]
        [Description("Override a key after inheritance, e.g. --set calibrate.budget=100 (repeatable).")]
        public string[] Overrides { get; init; } = [];

        [CommandOption("--force")]
        [Description("Replace an existing --out calibration folder (wholly, once the new calibration is written).")]
        public bool Force { get; init; }

        public override ValidationResult Validate() =>
            Limits.Parallelism("--workers", Workers) ?? ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var loaded = ScenarioInput.Load(settings.Scenario, settings.Overrides);
        if (!loaded.Ok) return terminal.BadInput(loaded.Problems);
        var scenario = loaded.Value;
        if (scenario.Calibrate is null)
            return terminal.BadInput([$"{settings.Scenario}:1:1: the scenario has no calibrate: section (parameters to fit and observed data); see docs/scenarios.md"]);
        int replications = scenario.Calibrate.Replications;
        // The optimiser runs an evaluation's replications at once; the posterior runs chains at once, each evaluation's replications in turn.
        int concurrent = scenario.Calibrate.Method == CalibrationMethod.Posterior ? scenario.Calibrate.Chains : replications;
        var memory = MemoryEstimate.For(scenario, Math.Min(settings.Workers ?? Environment.ProcessorCount, concurrent), replications);
        if (MemoryCheck.Refusal(memory, "this calibration") is { } refusal) return terminal.BadInput([refusal]);

        // Built beside --out and swapped in at the end (after Ctrl-C too: the best fit so far is a whole folder).
        string commandLine = RunEnvironment.CommandLine(context.Arguments);
        OutputRequest Request(string target) => new(target, OutputKind.Calibration, settings.Force, OutputMode.Staged, [settings.Scenario],
            LockHolder.ThisProcess(started, commandLine));
        var claimed = settings.Out is { } given
            ? OutputFolder.Claim(Request(given))
            : OutputFolder.ClaimNew(() => CalibrationFolder.DefaultPath(RunFolder.DefaultRoot, scenario.Name, started.ToLocalTime()), Request);
        if (!claimed.Ok) return terminal.BadInput(claimed.Problems);
        using var output = claimed.Value;
        var folder = output.Folder;
        try
        {
            RunFolder.Start(output.WorkFolder, RunEnvironment.ForRun(commandLine, settings.Scenario, scenario, [], started, started, RunStatus.Running));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            terminal.Error.Print($"trustsim: {folder}: cannot begin the calibration folder: {output.Shown(e.Message)}");
            return ExitCode.RunFailed;
        }

        var targets = CalibrationTarget.From(scenario, settings.Scenario);
        var objective = new CalibrationObjective(scenario, targets, settings.Workers ?? Environment.ProcessorCount);
        if (scenario.Calibrate.Method == CalibrationMethod.Posterior)
        {
            var observations = CalibrationTarget.Observations(scenario, settings.Scenario);
            return new PosteriorExecution(terminal, output, commandLine, settings.Scenario, started)
                .Run(scenario, observations, objective, settings.Workers ?? Environment.ProcessorCount, cancellationToken);
        }
        CalibrationResult result;
        using (var signals = new InterruptSignals(cancellationToken))
        {
            result = CalibrationProgress.Fit(terminal.Out, objective, signals.Token);
        }

        var fitted = objective.ScenarioAt(result.Values).Scenario;
        // The band at the fit costs one more evaluation over the whole run; skipped after Ctrl-C.
        var atFit = fitted is not null && !result.Interrupted ? objective.Run(fitted) : null;
        var status = result.Interrupted ? RunStatus.Interrupted : RunStatus.Completed;
        var manifest = Manifest(context, settings.Scenario, scenario, objective, result, started, status);
        var chartProblems = CalibrationFolder.Write(output.WorkFolder, result, targets, fitted, atFit, manifest);
        bool reported = FolderReport.Finish(output.WorkFolder, terminal, output.Shown);
        output.Commit();
        foreach (var p in chartProblems) terminal.Error.Print($"trustsim: {output.Shown(p)}");

        CalibrationReport.Print(terminal.Out, scenario, targets, result, folder);
        if (result.Interrupted)
        {
            terminal.Error.Print("trustsim: interrupted; the best fit so far was written.");
            return ExitCode.Interrupted;
        }
        return chartProblems.Count == 0 && reported ? ExitCode.Done : ExitCode.RunFailed;
    }

    private static Manifest Manifest(CommandContext context, string file, Scenario scenario, CalibrationObjective objective,
        CalibrationResult result, DateTime started, RunStatus status)
    {
        var manifest = RunEnvironment.ForRun(RunEnvironment.CommandLine(context.Arguments), file, scenario, [], started, DateTime.UtcNow,
            status, status == RunStatus.Interrupted ? "interrupted by the user; the fit is the best found so far" : null);
        return manifest with
        {
            Replications = Enumerable.Range(0, objective.Replications)
                .Select(r => new ReplicationSeed(r, Simulator.ReplicationSeed(scenario, r))).ToList(),
            Calibration = new CalibrationManifest
            {
                Fitted = result.Parameters.Select((p, k) => new FittedValue(p.Path, result.Values[k])).ToList(),
                Loss = double.IsFinite(result.Loss) ? result.Loss : null,
                Observations = objective.Targets.Count,
                ReplicationsPerEvaluation = objective.Replications,
                Budget = result.Budget,
                Starts = result.Starts,
                BestStart = result.BestStart + 1,
                SearchEvaluations = result.SearchEvaluations,
                UncertaintyEvaluations = result.Trace.Count - result.SearchEvaluations,
                Uncertainty = result.Uncertainty.Count == 0 ? "none" : result.Uncertainty.All(u => u.Se is not null) ? "standard_error" : "profile",
            },
        };
    }
}
