namespace TrustSim.Charts;

/// <summary>One design point's band over time: mean and 5-95% range over its replications.</summary>
internal sealed record FanBand(string Label, DateOnly[] Dates, double[] Mean, double[] Low, double[] High, int Replications);
