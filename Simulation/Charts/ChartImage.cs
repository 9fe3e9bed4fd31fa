namespace TrustSim.Charts;

/// <summary>
/// One chart in both forms a reader needs: PNG for screens and slides, SVG (the same drawing as
/// vectors, text kept as text) for journals that ask for vector figures.
/// </summary>
internal sealed record ChartImage(byte[] Png, string Svg);
