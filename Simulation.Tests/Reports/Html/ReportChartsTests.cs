using TrustSim.Core;
using TrustSim.Reports.Html;

namespace TrustSim.Tests.Reports.Html;

public sealed class ReportChartsTests
{
    private const string Svg = "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000\" height=\"600\">\n<rect fill=\"white\" width=\"1000\" height=\"600\"/>\n</svg>\n";

    [Fact]
    public void Read_WholeSvg_KeepsItsBytesSizeAndCaption()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("charts"));
        File.WriteAllText(folder.File("charts/response-final_reputation-vs-platform_scar.svg"), Svg);

        var chart = Assert.Single(ReportCharts.Read(folder.Path, ["response-final_reputation-vs-platform_scar.png"], ["platform.scar"]));

        Assert.Equal("response-final_reputation-vs-platform_scar.svg", chart.FileName);
        Assert.Equal(File.ReadAllBytes(folder.File("charts/response-final_reputation-vs-platform_scar.svg")), chart.Svg);
        Assert.Equal((1000, 600), (chart.Width, chart.Height));
        Assert.Equal("final_reputation against platform.scar", chart.Title);
        Assert.StartsWith("Platform reputation at the last step (final_reputation) against platform.scar", chart.Caption, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingSvg_IsShownAsMissing()
    {
        using var folder = new TempFolder();

        var chart = Assert.Single(ReportCharts.Read(folder.Path, ["reputation.png"], []));

        Assert.Null(chart.Svg);
        Assert.Equal("reputation.svg", chart.FileName);
    }

    [Fact]
    public void Read_SvgCutShort_IsRefusedNamingTheFile()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("charts"));
        File.WriteAllText(folder.File("charts/reputation.svg"), Svg[..(Svg.Length / 2)]);

        var e = Assert.Throws<DataFileException>(() => ReportCharts.Read(folder.Path, ["reputation.png"], []));

        Assert.StartsWith(folder.File("charts/reputation.svg") + ":", e.Message, StringComparison.Ordinal);
        Assert.Contains("not a whole SVG drawing", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><body/></html>\n", "not an SVG drawing")]
    [InlineData("<!DOCTYPE svg [<!ENTITY x \"y\">]><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\">&x;</svg>\n", "not a whole SVG drawing")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"wide\" height=\"600\"></svg>\n", "not a size in pixels")]
    public void Read_FileThatIsNotAChart_IsRefused(string content, string expected)
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("charts"));
        File.WriteAllText(folder.File("charts/loss.svg"), content);

        var e = Assert.Throws<DataFileException>(() => ReportCharts.Read(folder.Path, ["loss.png"], []));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
