namespace TrustSim.Charts;

/// <summary>A rendered chart: its PNG bytes, or why it could not be drawn.</summary>
internal sealed record RenderedChart(string FileName, byte[]? Png, string? Problem);
