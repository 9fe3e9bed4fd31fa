using TrustSim.Model;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Model;

public sealed class PlatformTests
{
    private static Platform Make(PlatformSettings settings, Scenario? scenario = null) =>
        new(settings, StepRates.For((scenario ?? new Scenario()) with { Platform = settings }));

    // A1: with no shocks and a fixed anchor, the gap closes geometrically at rate ks.
    [Fact]
    public void Relaxation_FixedAnchorSlowGapOnly_ClosesAtRateKs()
    {
        var settings = new PlatformSettings { FastShare = 0, Scar = 0.4, AnchorRecovery = 0, SlowRecovery = 0.05 };
        var platform = Make(settings);
        platform.NegativeShock(1.0, 0.45);
        var initialGap = platform.Reputation - platform.Anchor;
        for (var t = 1; t <= 200; t++)
        {
            platform.Relaxation();
            var expected = initialGap * Math.Pow(1 - 0.05, t);
            Assert.Equal(expected, platform.Reputation - platform.Anchor, 12);
        }
    }

    // A2: one shock multiplies R by exp(-beta w v), whatever R was.
    [Theory]
    [InlineData(1.0, 0.4459)]
    [InlineData(0.6, 0.2)]
    [InlineData(0.15, 0.95)]
    public void NegativeShock_AnyWeightAndSalience_MultipliesReputationByExponential(double weight, double salience)
    {
        var platform = Make(new PlatformSettings());
        for (var t = 0; t < 3; t++) platform.Relaxation();
        var before = platform.Reputation;
        var drop = platform.NegativeShock(weight, salience);
        Assert.Equal(Math.Exp(-2.4 * weight * salience), platform.Reputation / before, 12);
        Assert.Equal(before - platform.Reputation, drop, 12);
    }

    // A2: after a shock the path back is the sum of two exponentials plus the scarred anchor.
    [Fact]
    public void Relaxation_AfterOneShock_IsSumOfTwoExponentials()
    {
        var settings = new PlatformSettings { AnchorRecovery = 0 };
        var platform = Make(settings);
        var drop = platform.NegativeShock(1.0, 0.4459);
        var anchor = 0.79 - settings.Scar * drop;
        for (var t = 1; t <= 150; t++)
        {
            platform.Relaxation();
            var expected = anchor - settings.FastShare * drop * Math.Pow(1 - settings.FastRecovery, t)
                           - (1 - settings.FastShare - settings.Scar) * drop * Math.Pow(1 - settings.SlowRecovery, t);
            Assert.Equal(expected, platform.Reputation, 12);
        }
    }

    // A3 exactly: at R = 1/2 with A = 1, a commitment gains what an equal scandal takes.
    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(3.0, 1.0 / 3)]
    public void Commitment_EqualToScandalAtHalf_GainsDropOverAsymmetry(double asymmetry, double ratio)
    {
        var settings = new PlatformSettings { Reputation = 0.5, FastShare = 0, Scar = 1, Asymmetry = asymmetry };
        var drop = Make(settings).NegativeShock(1, 0.3);
        var gain = Make(settings).Commitment(1, 0.3, 0);
        Assert.Equal(ratio, gain / drop, 12);
    }

    // A3 in distribution: random +/- events of equal size drift nowhere when A = 1 and downward when A > 1.
    [Theory]
    [InlineData(1.0, false)]
    [InlineData(3.0, true)]
    public void Events_SymmetricRandomSequence_DriftOnlyWithAsymmetry(double asymmetry, bool drifts)
    {
        var settings = new PlatformSettings { Reputation = 0.5, FastShare = 0, Scar = 1, Asymmetry = asymmetry };
        var rng = new TrustSim.Core.RandomStream(42);
        const int Sequences = 4000;
        var finals = new double[Sequences];
        for (var s = 0; s < Sequences; s++)
        {
            var platform = Make(settings);
            for (var e = 0; e < 40; e++)
            {
                if (rng.Chance(0.5)) platform.NegativeShock(1, 0.2);
                else platform.Commitment(1, 0.2, 0);
            }
            finals[s] = platform.Reputation;
        }
        var mean = finals.Average();
        var se = Math.Sqrt(finals.Select(x => (x - mean) * (x - mean)).Sum() / (Sequences - 1) / Sequences);
        if (drifts) Assert.True(mean < 0.5 - 10 * se, $"mean {mean:F4} should fall well below 0.5 (se {se:F4})");
        else Assert.True(Math.Abs(mean - 0.5) < 4 * se, $"mean {mean:F4} should stay at 0.5 within 4 se ({se:F4})");
    }

    [Fact]
    public void GrowReach_NoGap_FollowsDiscreteLogistic()
    {
        var platform = Make(new PlatformSettings());
        var n = 1.65e9;
        for (var t = 1; t <= 101; t++)
        {
            platform.GrowReach();
            n += 0.42 / 52 * n * (1 - n / 3.0e9);
        }
        Assert.Equal(n, platform.Reach, 1e-3);
        Assert.InRange(platform.Reach, 2.19e9, 2.21e9);
    }
}
