namespace TrustSim.Charts;

/// <summary>A time series metric with one band per design point.</summary>
internal sealed record FanChartSpec(string FileName, string Title, string XLabel, string YLabel, IReadOnlyList<FanBand> Bands, bool Share);
