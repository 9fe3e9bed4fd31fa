namespace TrustSim.Charts;

/// <summary>A chart to draw: its file name (the PNG's; the SVG takes the same name) and the function that renders it.</summary>
internal sealed record ChartJob(string FileName, Func<ChartImage> Render);
