namespace TrustSim.Experiments;

/// <summary>
/// One chain's retained draws (after warmup) and how it ran. Each draw holds every quantity of the
/// <see cref="PosteriorSpace"/> on its parameter scale. Shorter than asked when the run was interrupted.
/// </summary>
/// <param name="Start">The chain's starting values (a point of the Latin hypercube over the priors).</param>
/// <param name="Iterations">Iterations done, warmup included.</param>
/// <param name="Evaluations">Model evaluations: one at the start and one per iteration.</param>
/// <param name="Acceptance">Share of proposals accepted after warmup (NaN before any).</param>
/// <param name="Scale">The frozen global proposal scale lambda.</param>
internal sealed record PosteriorChain(int Chain, IReadOnlyList<double[]> Draws, IReadOnlyList<double> LogLikelihood,
    IReadOnlyList<double> LogPosterior, IReadOnlyList<double> Start, int Iterations, int Evaluations, double Acceptance, double Scale);
