using System.Globalization;
using TrustSim.Analysis;
using TrustSim.Core;

namespace TrustSim.Experiments;

/// <summary>The stages of a posterior calibration, for progress reports.</summary>
internal enum PosteriorStage { Identifiability, Sampling, Profile, Predictive }

/// <summary>
/// The posterior method of <c>calibrate</c>: the identifiability check, the chains
/// (<see cref="PosteriorSampler"/>), their diagnostics and summaries, then the profile likelihood and
/// the posterior predictive. The model is the calibration objective (common random numbers: the same
/// replication seeds at every evaluation) with its replications run one after another, since the
/// chains, design points or draws are what runs in parallel, <c>workers</c> at a time.
/// </summary>
internal static class PosteriorCalibrator
{
    public static PosteriorResult Run(CalibrationObjective objective, int workers, Action<PosteriorStage, int, int>? progress = null,
        CancellationToken cancel = default)
    {
        var settings = objective.Scenario.Calibrate!;
        var serial = new CalibrationObjective(objective.Scenario, objective.Targets, 1);
        var observations = new ObservationModel(objective.Targets, settings.Sigma);
        var problem = new PosteriorProblem(new PosteriorSpace(settings.Parameters, observations.Scales, settings.SamplingSpace), observations, v => serial.Evaluate(v).Means);
        var seed = SeedSequence.ExperimentSeed(objective.Scenario.Seed, SeedSequence.Stream.CalibrationChains);
        var checks = SeedSequence.ExperimentSeed(objective.Scenario.Seed, SeedSequence.Stream.CalibrationChecks);

        progress?.Invoke(PosteriorStage.Identifiability, 0, IdentifiabilityCheck.Points);
        var information = IdentifiabilityCheck.Run(problem, checks, workers, cancel);
        var evaluations = information is null ? 0 : IdentifiabilityCheck.Points;

        var total = settings.Chains * (settings.Warmup + settings.Draws);
        progress?.Invoke(PosteriorStage.Sampling, 0, total);
        var chains = information is null ? [] : PosteriorSampler.Run(problem, settings.Chains, settings.Warmup, settings.Draws, seed, workers,
            done => progress?.Invoke(PosteriorStage.Sampling, done, total), cancel);
        evaluations += chains.Sum(c => c.Evaluations);
        var interrupted = cancel.IsCancellationRequested;

        var result = Analyse(problem, chains, settings.Warmup, settings.Draws, information, interrupted, evaluations);
        if (interrupted || result.Retained == 0)
            return result;

        IReadOnlyList<ProfilePoint> profile = [];
        if (settings.ProfilePoints > 0)
        {
            progress?.Invoke(PosteriorStage.Profile, 0, problem.Space.ParameterCount * settings.ProfilePoints);
            var draws = chains.SelectMany(c => c.Draws.Take(result.Retained).Zip(c.LogLikelihood)).ToList();
            profile = ProfileLikelihood.Run(problem, draws, settings.ProfilePoints, settings.ProfileEvaluations, workers, cancel);
        }
        var horizon = PosteriorPredictive.Horizon(objective.Targets, objective.Scenario.Time.Steps);
        var metrics = objective.Targets.Select(t => t.Metric.Name).Distinct().ToList();
        progress?.Invoke(PosteriorStage.Predictive, 0, PosteriorPredictive.MaxDraws);
        var pooled = chains.SelectMany(c => c.Draws.Take(result.Retained)).ToList();
        var predictive = cancel.IsCancellationRequested ? null
            : PosteriorPredictive.Run(problem, pooled, metrics, v => serial.Series(v, metrics, horizon), horizon, checks, workers, cancel);
        interrupted = cancel.IsCancellationRequested;
        return result with
        {
            Profile = profile,
            Predictive = interrupted ? null : predictive,
            Interrupted = interrupted,
            Evaluations = evaluations + profile.Sum(p => p.Evaluations) + (predictive?.Draws ?? 0),
            Warnings = interrupted ? [.. result.Warnings, Stopped(result)] : result.Warnings,
        };
    }

    /// <summary>Diagnostics, summaries, correlations, ridges and warnings of the draws of <paramref name="chains"/>.</summary>
    public static PosteriorResult Analyse(PosteriorProblem problem, IReadOnlyList<PosteriorChain> chains, int warmup, int draws,
        IReadOnlyList<ObservationInformation>? information, bool interrupted, int evaluations)
    {
        var space = problem.Space;
        var retained = chains.Count == 0 ? 0 : chains.Min(c => c.Draws.Count);
        var n = space.Dimension;
        var byQuantity = Enumerable.Range(0, n).Select(k => chains.Select(c => c.Draws.Take(retained).Select(d => d[k]).ToArray()).ToList()).ToList();
        var convergence = byQuantity.Select(ChainDiagnostics.Of).ToList();
        var summaries = byQuantity.Select(c => DrawSummary.Of(c.SelectMany(x => x).ToList())).ToList();
        var scaled = byQuantity.Select((c, k) => c.SelectMany(x => x).Select(space.Quantities[k].OnScale).ToArray()).ToList();
        var correlation = new double[n, n];
        var ridges = new List<Ridge>();
        for (var i = 0; i < n; i++)
        {
            correlation[i, i] = 1;
            for (var j = 0; j < i; j++)
            {
                var r = retained < 3 ? double.NaN : MathNet.Numerics.Statistics.Correlation.Pearson(scaled[i], scaled[j]);
                correlation[i, j] = correlation[j, i] = r;
                if (Math.Abs(r) > Ridge.Threshold) ridges.Add(new Ridge(space.Quantities[j].Name, space.Quantities[i].Name, r));
            }
        }
        var result = new PosteriorResult
        {
            Space = space, Observations = problem.Observations, Warmup = warmup, Draws = draws, Chains = chains, Retained = retained,
            Convergence = convergence, Summaries = summaries, Correlation = correlation, Ridges = ridges, Information = information,
            Profile = [], Predictive = null, Interrupted = interrupted, Evaluations = evaluations, Warnings = [],
        };
        var warnings = new List<string>();
        if (Identifiability(result) is { } weak) warnings.Add(weak);
        warnings.AddRange(ridges.Select(r =>
            $"ridge: {r.First} and {r.Second} have posterior correlation {F(r.Correlation, "0.00")}: the data fix a combination of the two, not each one"));
        if (!interrupted && NotConverged(result) is { } unconverged) warnings.Add(unconverged);
        if (interrupted) warnings.Add(Stopped(result));
        return result with { Warnings = warnings };
    }

    private static string? Identifiability(PosteriorResult result)
    {
        if (result.Information is not { } information) return null;
        var parameters = result.Space.ParameterCount;
        var informative = result.InformativeCount;
        var flat = information.Where(i => !i.Informative).Select(i => Describe(result.Observations.Targets[i.Target], i)).ToList();
        var which = flat.Count == 0 ? "" : $"; carrying no information: {string.Join("; ", flat)}";
        if (parameters <= informative)
            return flat.Count == 0 ? null : $"identifiability: {flat.Count} of {information.Count} observations carry no information about the parameters{which}";
        return $"identifiability: {parameters} parameters are fitted to {informative} informative observation{(informative == 1 ? "" : "s")} " +
               $"(of {information.Count}): the data cannot fix them all, so parts of the posterior follow the priors or lie along ridges{which}";
    }

    private static string Describe(CalibrationTarget t, ObservationInformation i)
    {
        var name = t.Label.Length > 0 ? t.Label : $"{t.Metric.Name} at step {t.Step}";
        return double.IsNaN(i.Low)
            ? $"{name} (step {t.Step}): the model gave no value there"
            : $"{name} (step {t.Step}): the model gives {F(i.Low, "G4")} to {F(i.High, "G4")} across {IdentifiabilityCheck.Points} points over the priors";
    }

    private static string? NotConverged(PosteriorResult result)
    {
        if (result.Converged) return null;
        var names = result.Space.Quantities.Select(q => q.Name).ToList();
        var worstRhat = result.Convergence.Select((c, k) => (c.Rhat, k)).OrderByDescending(x => double.IsNaN(x.Rhat) ? double.PositiveInfinity : x.Rhat).First();
        var worstEss = result.Convergence.Select((c, k) => (c.BulkEss, k)).OrderBy(x => double.IsNaN(x.BulkEss) ? double.NegativeInfinity : x.BulkEss).First();
        return $"not converged: largest R-hat {F(worstRhat.Rhat, "0.000")} ({names[worstRhat.k]}; needs < {F(ChainConvergence.RhatLimit, "0.00")}), " +
               $"smallest bulk ESS {F(worstEss.BulkEss, "0")} ({names[worstEss.k]}; needs >= {F(ChainConvergence.EssLimit, "0")}): " +
               "these draws are not yet a sample of the posterior; run longer chains (calibrate.warmup, calibrate.draws)";
    }

    private static string Stopped(PosteriorResult result) =>
        $"interrupted: {result.Retained} of {result.Draws} draws per chain kept; the draws are what was sampled before Ctrl-C, not a posterior";

    private static string F(double x, string format) => double.IsNaN(x) ? "undefined" : x.ToString(format, CultureInfo.InvariantCulture);
}
