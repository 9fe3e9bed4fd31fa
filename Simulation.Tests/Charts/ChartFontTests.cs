using ScottPlot;
using TrustSim.Charts;

namespace TrustSim.Tests.Charts;

public sealed class ChartFontTests
{
    [Fact]
    public void Ensure_CalledTwice_RegistersBundledFontOnceAsDefault()
    {
        ChartFont.Ensure();
        ChartFont.Ensure();

        Assert.Equal(ChartFont.Family, Fonts.Default);
        Assert.Single(Fonts.FontResolvers.OfType<EmbeddedFontResolver>());
        Assert.IsType<EmbeddedFontResolver>(Fonts.FontResolvers[0]);
        Assert.Equal("DejaVu Sans", Fonts.GetTypeface(ChartFont.Family, bold: true, italic: false).FamilyName);
    }

    [Fact]
    public void CreateTypeface_BundledFamily_ServesEmbeddedGlyphs()
    {
        ChartFont.Ensure();
        var resolver = Fonts.FontResolvers.OfType<EmbeddedFontResolver>().Single();

        using var regular = resolver.CreateTypeface("dejavu sans", bold: false, italic: false);
        using var bold = resolver.CreateTypeface(ChartFont.Family, FontWeight.Bold, FontSlant.Upright, FontSpacing.Normal);

        Assert.NotNull(regular);
        Assert.NotNull(bold);
        Assert.True(bold.IsBold);
        Assert.False(regular.IsBold);
        Assert.True(regular.ContainsGlyphs("Reputation 0.79 …"));
        Assert.Null(resolver.CreateTypeface("Comic Sans MS", bold: false, italic: false));
    }
}
