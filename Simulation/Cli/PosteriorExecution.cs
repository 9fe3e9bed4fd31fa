using TrustSim.Analysis;
using TrustSim.Engine;
using TrustSim.Experiments;
using TrustSim.Reports;
using TrustSim.Scenarios;

namespace TrustSim.Cli;

/// <summary>
/// <c>calibrate</c> with <c>method: posterior</c>: runs the chains (Ctrl-C keeps what was drawn), writes the
/// folder (<see cref="PosteriorFolder"/>) with a manifest that says plainly whether the chains converged,
/// and reports. Exit 0 when converged, 1 when not (every file is still written) or a chart or the report page failed, 130
/// when interrupted.
/// </summary>
internal sealed class PosteriorExecution(Terminal terminal, OutputFolder output, string commandLine, string scenarioFile, DateTime started)
{
    public int Run(Scenario scenario, IReadOnlyList<Observation> observations, CalibrationObjective objective, int workers, CancellationToken cancellationToken)
    {
        PosteriorResult result;
        using (var signals = new InterruptSignals(cancellationToken))
        {
            result = PosteriorProgress.Run(terminal.Out, objective, workers, signals.Token);
        }
        var status = result.Interrupted ? RunStatus.Interrupted : result.Converged ? RunStatus.Completed : RunStatus.NotConverged;
        // scenario.yaml carries the observations inline, so the folder reproduces the calibration without its data file.
        var resolved = scenario with { Calibrate = scenario.Calibrate! with { Observed = observations, Data = "" } };
        var manifest = Manifest(scenario, objective, result, status);
        var chartProblems = PosteriorFolder.Write(output.WorkFolder, result, resolved, manifest);
        bool reported = FolderReport.Finish(output.WorkFolder, terminal, output.Shown);
        output.Commit();
        foreach (var p in chartProblems) terminal.Error.Print($"trustsim: {output.Shown(p)}");

        PosteriorReport.Print(terminal.Out, scenario, result, output.Folder);
        switch (status)
        {
            case RunStatus.Interrupted:
                terminal.Error.Print("trustsim: interrupted; the draws so far were written, and they are not a posterior.");
                return ExitCode.Interrupted;
            case RunStatus.NotConverged:
                terminal.Error.Print("trustsim: the chains did not converge (R-hat < 1.01 and bulk ESS >= 400 on every quantity): every file is written, " +
                    "but the draws are not a posterior; run longer chains (calibrate.warmup, calibrate.draws).");
                return ExitCode.RunFailed;
            default:
                return chartProblems.Count == 0 && reported ? ExitCode.Done : ExitCode.RunFailed;
        }
    }

    private Manifest Manifest(Scenario scenario, CalibrationObjective objective, PosteriorResult result, RunStatus status)
    {
        var error = status switch
        {
            RunStatus.Interrupted => "interrupted by the user; the draws are those made before Ctrl-C, not a posterior",
            RunStatus.NotConverged => result.Warnings.FirstOrDefault(w => w.StartsWith("not converged", StringComparison.Ordinal)),
            _ => null,
        };
        var manifest = RunEnvironment.ForRun(commandLine, scenarioFile, scenario, [], started, DateTime.UtcNow, status, error);
        var settings = scenario.Calibrate!;
        double? N(double x) => double.IsFinite(x) ? x : null;
        return manifest with
        {
            Replications = Enumerable.Range(0, objective.Replications).Select(r => new ReplicationSeed(r, Simulator.ReplicationSeed(scenario, r))).ToList(),
            Warnings = result.Warnings.Count == 0 ? null : result.Warnings,
            Posterior = new PosteriorManifest
            {
                Chains = settings.Chains,
                Warmup = settings.Warmup,
                Draws = settings.Draws,
                DrawsKept = result.Chains.Select(c => c.Draws.Count).ToList(),
                DrawsUsed = result.Retained,
                ReplicationsPerEvaluation = objective.Replications,
                Evaluations = result.Evaluations,
                Converged = result.Converged,
                MaxRhat = N(result.Convergence.Select(c => c.Rhat).DefaultIfEmpty(double.NaN).Max()),
                MinBulkEss = N(result.Convergence.Select(c => c.BulkEss).DefaultIfEmpty(double.NaN).Min()),
                MinTailEss = N(result.Convergence.Select(c => c.TailEss).DefaultIfEmpty(double.NaN).Min()),
                Acceptance = result.Chains.Select(c => N(c.Acceptance)).ToList(),
                Quantities = result.Space.Quantities.Select((q, k) =>
                {
                    ChainConvergence c = result.Convergence[k];
                    DrawSummary s = result.Summaries[k];
                    return new PosteriorQuantityEntry(q.Name, q.Prior.Describe(), N(c.Rhat), N(c.BulkEss), N(c.TailEss), N(s.Mean), N(s.Median), N(s.Low), N(s.High));
                }).ToList(),
                Observations = objective.Targets.Count,
                InformativeObservations = result.Information is null ? null : result.InformativeCount,
                IdentifiabilityPoints = IdentifiabilityCheck.Points,
                Ridges = result.Ridges.Select(r => new RidgeEntry(r.First, r.Second, r.Correlation)).ToList(),
                ProfilePoints = settings.ProfilePoints,
                ProfileEvaluations = settings.ProfileEvaluations,
                PredictiveDraws = result.Predictive?.Draws ?? 0,
            },
        };
    }
}
