namespace TrustSim.Experiments;

/// <summary>
/// One point of a profile likelihood: parameter <paramref name="Parameter"/> (index among the calibrated
/// parameters) held at <paramref name="Value"/>, the largest log-likelihood found over the other
/// parameters (error scales at their best values), and the model evaluations spent finding it.
/// </summary>
internal sealed record ProfilePoint(int Parameter, double Value, double LogLikelihood, int Evaluations);
