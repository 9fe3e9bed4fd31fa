using TrustSim.Scenarios;

namespace TrustSim.Tests.Scenarios;

public sealed class ScenarioDiffTests
{
    private static readonly Scenario Base = new() { Name = "repeated-scandals", Description = "a", Scandals = new ScandalSettings { Rate = 2 } };

    private static Scenario Swept(Scenario s, params string[] paths) =>
        s with { Sweep = new SweepSettings { Parameters = paths.Select(p => new SweepParameter { Path = p, Values = [0, 1] }).ToList() } };

    [Fact]
    public void Between_IdenticalButForNameAndDescription_FindsNothing()
    {
        Assert.Empty(ScenarioDiff.Between(Base, Base with { Name = "other", Description = "b" }));
        Assert.Null(ScenarioDiff.Labels([Base, Base with { Name = "other" }]));
    }

    [Fact]
    public void Between_ScarAndMixEntry_NamesEachPathWithBothValues()
    {
        var other = Base with
        {
            Platform = Base.Platform with { Scar = 0.6 },
            Scandals = Base.Scandals with { Mix = new Dictionary<ShockType, double> { [ShockType.Misuse] = 0.3, [ShockType.Hack] = 0.5, [ShockType.Misinformation] = 0.4 } },
        };
        var differences = ScenarioDiff.Between(Base, other);
        Assert.Equal([new ScenarioDifference("platform.scar", "0.4", "0.6"), new ScenarioDifference("scandals.mix.hack", "0.3", "0.5")], differences);
        Assert.Equal(["platform.scar=0.4, scandals.mix.hack=0.3", "platform.scar=0.6, scandals.mix.hack=0.5"], ScenarioDiff.Labels([Base, other]));
    }

    [Fact]
    public void Between_BaseValueOfAPathBothSweep_IsNoDifference()
    {
        var a = Swept(Base, "platform.scar");
        var b = Swept(Base with { Platform = Base.Platform with { Scar = 0.6, Sensitivity = 4 } }, "platform.scar");
        Assert.Equal([new ScenarioDifference("platform.sensitivity", "2.4", "4")], ScenarioDiff.Between(a, b));
    }

    [Fact]
    public void Between_PathSweptOnOneSideOnly_CountsItsBaseValueAndTheSweepList()
    {
        var a = Swept(Base, "platform.scar");
        var b = Swept(Base with { Platform = Base.Platform with { Scar = 0.6 } }, "platform.sensitivity");
        var paths = ScenarioDiff.Between(a, b).Select(d => d.Path).ToArray();
        Assert.Equal(["platform.scar", "sweep.parameters.0.path"], paths);
    }

    [Fact]
    public void Between_DistributionAsAWholeUnlessSweptInside()
    {
        var a = Base;
        var b = Base with { Institutions = Base.Institutions with { Generated = Base.Institutions.Generated with { BankTheta = Distribution.Uniform(3, 5) } } };
        Assert.Equal([new ScenarioDifference("institutions.generated.bank_theta", "uniform(3, 4.5)", "uniform(3, 5)")], ScenarioDiff.Between(a, b));
        var sweptA = Swept(a, "institutions.generated.bank_theta.min");
        var sweptB = Swept(b with { Institutions = b.Institutions with { Generated = b.Institutions.Generated with { BankTheta = Distribution.Uniform(2, 5) } } },
            "institutions.generated.bank_theta.min");
        Assert.Equal([new ScenarioDifference("institutions.generated.bank_theta.max", "4.5", "5")], ScenarioDiff.Between(sweptA, sweptB));
    }

    [Fact]
    public void Between_ListsItemByItem_AndCountWhenLengthsDiffer()
    {
        var a = Base with { Shocks = [new ShockSpec { Step = 10, Severity = 0.5 }] };
        var b = Base with { Shocks = [new ShockSpec { Step = 10, Severity = 0.9 }, new ShockSpec { Step = 20 }] };
        Assert.Equal([new ScenarioDifference("shocks", "1 item", "2 items"), new ScenarioDifference("shocks.0.severity", "0.5", "0.9")],
            ScenarioDiff.Between(a, b));
    }

    [Fact]
    public void Labels_MoreThanThreeKeys_ShowsThreeThenHowManyMore()
    {
        var b = Base with { Seed = 7, Platform = Base.Platform with { Scar = 0.6, Sensitivity = 4 }, Scandals = Base.Scandals with { Rate = 1 }, Replications = 3 };
        var labels = ScenarioDiff.Labels([Base, b])!;
        Assert.Equal("seed=7, replications=3, platform.sensitivity=4 +2 more", labels[1]);
        Assert.Equal("seed=1, replications=1, platform.sensitivity=2.4 +2 more", labels[0]);
    }

    [Fact]
    public void Labels_ThreeSides_KeyWhereOnlyOneDiffersTakesTheFirstSidesValueElsewhere()
    {
        var b = Base with { Platform = Base.Platform with { Scar = 0.6 } };
        var c = Base with { Scandals = Base.Scandals with { Rate = 4 } };
        Assert.Equal(["platform.scar=0.4, scandals.rate=2", "platform.scar=0.6, scandals.rate=2", "platform.scar=0.4, scandals.rate=4"],
            ScenarioDiff.Labels([Base, b, c]));
    }
}
