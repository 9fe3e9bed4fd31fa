namespace TrustSim.Charts;

/// <summary>A metric's mean over a two-parameter grid. <paramref name="Values"/>[row, column] is at YValues[row], XValues[column].</summary>
internal sealed record HeatmapSpec(string FileName, string Title, string XLabel, double[] XValues, string YLabel, double[] YValues,
    double[,] Values, string ColorLabel);
