namespace TrustSim.Charts;

/// <summary>
/// A metric's mean over a two-parameter grid. <paramref name="Values"/>[row, column] is at YValues[row],
/// XValues[column], with its 95% interval in <paramref name="Low"/> and <paramref name="High"/> (NaN where
/// there is none); <paramref name="CellText"/> is what each cell prints (its mean and interval), and
/// <paramref name="Note"/> says whether the cells differ beyond their noise.
/// </summary>
internal sealed record HeatmapSpec(string FileName, string Title, string XLabel, double[] XValues, string YLabel, double[] YValues,
    double[,] Values, double[,] Low, double[,] High, string[,] CellText, string ColorLabel, string Note);
