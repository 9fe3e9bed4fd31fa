namespace TrustSim.Experiments;

/// <summary>
/// The posterior at one observation: median and 95% interval (2.5%, 97.5%) of the model's mean there
/// over the predictive draws, and of the posterior predictive, the model mean plus Gaussian noise of
/// the observation's sd at each draw (the interval a new observation would fall in).
/// </summary>
internal sealed record ObservationPrediction(int Target, double ModelMedian, double ModelLow, double ModelHigh,
    double PredictiveMedian, double PredictiveLow, double PredictiveHigh);
