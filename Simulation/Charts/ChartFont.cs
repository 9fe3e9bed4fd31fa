using ScottPlot;

namespace TrustSim.Charts;

/// <summary>
/// Makes the bundled DejaVu Sans ScottPlot's font. Without this a machine with no fonts
/// installed renders charts with no text at all, and machines with different fonts render
/// different images from the same data.
/// </summary>
internal static class ChartFont
{
    public const string Family = "DejaVu Sans";
    private const string RegularResource = "TrustSim.Assets.DejaVuSans.ttf";
    private const string BoldResource = "TrustSim.Assets.DejaVuSans-Bold.ttf";

    private static readonly Lazy<string> Registered = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Registers the font once (thread-safe) and returns its family name.</summary>
    public static string Ensure() => Registered.Value;

    /// <summary>
    /// Widths in pixels of the boxes a text label draws around each text: the text in the bundled font at
    /// <paramref name="size"/>, its padding on both sides, and one pixel more to absorb rounding.
    /// </summary>
    public static double[] LabelWidths(IEnumerable<string> texts, float size, float padding)
    {
        using var font = new SkiaSharp.SKFont(Fonts.GetTypeface(Ensure(), false, false), size);
        return texts.Select(t => (double)font.MeasureText(t) + 2 * padding + 1).ToArray();
    }

    private static string Register()
    {
        var resolver = new EmbeddedFontResolver(Family, ReadResource(RegularResource), ReadResource(BoldResource));

        // First in the list, so an installed DejaVu of another version cannot win over the bundled one.
        Fonts.FontResolvers.Insert(0, resolver);
        Fonts.Default = Family;
        Fonts.Sans = Family;
        return Family;
    }

    private static byte[] ReadResource(string name)
    {
        using Stream stream = typeof(ChartFont).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource {name} is missing from the assembly.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
