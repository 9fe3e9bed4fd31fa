namespace TrustSim.Experiments;

/// <summary>
/// A posterior to sample: the quantities and their priors, the observation model, and the model's
/// replicated mean of each observation at a vector of parameter values (NaN where the values make no
/// valid scenario). The model is a plain function so a test can put a known density in its place.
/// </summary>
internal sealed record PosteriorProblem(PosteriorSpace Space, ObservationModel Observations, Func<double[], double[]> Means);
