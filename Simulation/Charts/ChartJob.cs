namespace TrustSim.Charts;

/// <summary>A chart to draw: its file name and the function that renders it as PNG bytes.</summary>
internal sealed record ChartJob(string FileName, Func<byte[]> Render);
