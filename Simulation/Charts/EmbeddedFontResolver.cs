using ScottPlot;
using SkiaSharp;

namespace TrustSim.Charts;

/// <summary>
/// Serves the bundled TTFs to ScottPlot from memory, so no temporary font file is needed and the
/// typeface never depends on what the machine has installed.
/// </summary>
internal sealed class EmbeddedFontResolver(string family, byte[] regular, byte[] boldFace) : IFontResolver
{
    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        CreateTypeface(fontName, weight >= FontWeight.SemiBold, italic: slant != FontSlant.Upright);

    // Italic is served upright: the charts never ask for it, and a wrong slant beats a missing glyph.
    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic)
    {
        if (!string.Equals(fontName, family, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        using SKData data = SKData.CreateCopy(bold ? boldFace : regular);
        return SKTypeface.FromData(data);
    }
}
