using TrustSim.Scenarios;
using TrustSim.Scenarios.Yaml;

namespace TrustSim.Tests.Scenarios;

public sealed class ObservationCsvTests
{
    [Fact]
    public void Parse_CommentLinesBeforeAndBetweenRows_AreSkippedAndRowsKeepTheirLines()
    {
        var problems = new List<ScenarioProblem>();
        var rows = ObservationCsv.Parse("# source: a report\n# second line, with a comma\ndate,metric,value\n2018-03-19,reach,2.2e9\n  # a note\n2018-06-30,reach,2.23e9\n",
            "obs.csv", problems);
        Assert.Empty(problems);
        Assert.Equal([4, 6], rows.Select(r => r.Line));
        Assert.Equal([2.2e9, 2.23e9], rows.Select(r => r.Observation.Value));
    }

    [Fact]
    public void Parse_ShippedMauData_TwentyQuartersOfReach()
    {
        var problems = new List<ScenarioProblem>();
        var path = Path.Combine(Paths.RepositoryRoot(), "scenarios", "data", "facebook-mau.csv");
        var rows = ObservationCsv.Read(path, path, problems);
        Assert.Empty(problems);
        Assert.Equal(20, rows.Count);
        Assert.All(rows, r => Assert.Equal("reach", r.Observation.Metric));
        Assert.Equal(1.712e9, rows[0].Observation.Value);
        Assert.Equal(2.853e9, rows[^1].Observation.Value);
    }
}
