using TrustSim.Charts;

namespace TrustSim.Tests.Charts;

public sealed class ChartStyleTests
{
    // The date axis replaces the plot's bottom axis; the label must survive the swap, or every
    // time chart loses the sentence that says a step is a week.
    [Fact]
    public void NewDatePlot_WithLabels_KeepsAllThreeOnTheDateAxisPlot()
    {
        using var plot = ChartStyle.NewDatePlot("Reputation", "Date (one step = one week)", "Share trusting");
        Assert.Equal("Date (one step = one week)", plot.Axes.Bottom.Label.Text);
        Assert.Equal("Share trusting", plot.Axes.Left.Label.Text);
        Assert.Equal("Reputation", plot.Axes.Title.Label.Text);
    }
}
