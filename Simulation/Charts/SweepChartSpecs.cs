namespace TrustSim.Charts;

/// <summary>One line (or set of points) of a response chart: a metric's means with 95% intervals against a parameter.</summary>
/// <param name="Label">Legend text; empty for a single line.</param>
/// <param name="Low">Lower ends of the intervals; NaN where a point has fewer than two replications.</param>
internal sealed record ResponseLine(string Label, double[] X, double[] Mean, double[] Low, double[] High);

/// <summary>A metric against one swept parameter. <paramref name="Joined"/> draws lines between points (grids); otherwise markers only.</summary>
internal sealed record ResponseChartSpec(string FileName, string Title, string XLabel, string YLabel, IReadOnlyList<ResponseLine> Lines,
    bool Joined, string Note);

/// <summary>A metric's mean over a two-parameter grid. <paramref name="Values"/>[row, column] is at YValues[row], XValues[column].</summary>
internal sealed record HeatmapSpec(string FileName, string Title, string XLabel, double[] XValues, string YLabel, double[] YValues,
    double[,] Values, string ColorLabel);

/// <summary>One design point's band over time: mean and 5-95% range over its replications.</summary>
internal sealed record FanBand(string Label, DateOnly[] Dates, double[] Mean, double[] Low, double[] High, int Replications);

/// <summary>A time series metric with one band per design point.</summary>
internal sealed record FanChartSpec(string FileName, string Title, string XLabel, string YLabel, IReadOnlyList<FanBand> Bands, bool Share);
