using System.Globalization;
using System.Xml;
using TrustSim.Core;

namespace TrustSim.Reports.Html;

/// <summary>
/// Reads the SVG twin of each chart of a folder for the page. A missing file is shown as missing (a chart
/// that could not be drawn, which the command reported); a file that is not one whole SVG drawing (cut
/// short, edited, replaced) is a <see cref="DataFileException"/> naming it, as for any other data file.
/// </summary>
internal static class ReportCharts
{
    /// <summary>Far above any chart the tool draws (a few hundred kilobytes), far below what would hurt.</summary>
    private const long MaxBytes = 32L << 20;

    /// <summary>The charts <paramref name="chartFiles"/> (their PNG names, in drawing order) of <paramref name="folder"/>.</summary>
    public static IReadOnlyList<ReportChart> Read(string folder, IReadOnlyList<string> chartFiles, IReadOnlyList<string> parameters)
    {
        var charts = new List<ReportChart>();
        foreach (string png in chartFiles)
        {
            string svgName = Path.ChangeExtension(png, ".svg");
            string path = Path.Combine(folder, RunFolder.ChartsFolder, svgName);
            var (title, caption) = ChartCaptions.For(png, parameters);
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                charts.Add(new ReportChart(svgName, title, caption, null, 0, 0));
                continue;
            }
            var bytes = RegularFile.ReadAllBytes(path, MaxBytes);
            if (!bytes.Ok) throw new DataFileException($"{path}: {string.Join("; ", bytes.Problems)}");
            var (width, height) = Size(path, bytes.Value);
            charts.Add(new ReportChart(svgName, title, caption, bytes.Value, width, height));
        }
        return charts;
    }

    /// <summary>The drawing's size from its root svg element, after reading the whole file as XML (which a cut or edit rarely survives).</summary>
    private static (int Width, int Height) Size(string path, byte[] svg)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(svg), settings);
            reader.MoveToContent();
            if (reader.LocalName != "svg" || reader.NamespaceURI != "http://www.w3.org/2000/svg")
                throw new DataFileException($"{path}: not an SVG drawing (its first element is <{reader.Name}>)");
            int width = Pixels(path, reader.GetAttribute("width"), "width");
            int height = Pixels(path, reader.GetAttribute("height"), "height");
            while (reader.Read())
            {
                // Read to the end: a file cut short fails here, at its last line.
            }
            return (width, height);
        }
        catch (XmlException e)
        {
            throw new DataFileException($"{path}:{e.LineNumber}: not a whole SVG drawing (cut short or edited): {e.Message}", e);
        }
    }

    private static int Pixels(string path, string? value, string attribute)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double pixels) || !(pixels is >= 1 and <= 100_000))
            throw new DataFileException($"{path}: the svg element's {attribute} is '{value ?? ""}', not a size in pixels");
        return (int)Math.Round(pixels);
    }
}
