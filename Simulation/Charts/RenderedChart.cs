namespace TrustSim.Charts;

/// <summary>A rendered chart: its PNG and SVG, or why it could not be drawn.</summary>
internal sealed record RenderedChart(string FileName, ChartImage? Image, string? Problem)
{
    public byte[]? Png => Image?.Png;

    /// <summary>The SVG's file name: the PNG's with its extension changed.</summary>
    public string SvgFileName => Path.ChangeExtension(FileName, ".svg");
}
