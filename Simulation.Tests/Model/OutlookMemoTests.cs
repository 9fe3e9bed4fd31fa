using TrustSim.Core;
using TrustSim.Model;

namespace TrustSim.Tests.Model;

public sealed class OutlookMemoTests
{
    // Two institutions, the first small enough that its calls often go past the coarsest bins.
    private static AdoptionOutlook Outlook()
    {
        var rng = new RandomStream(7);
        int[] blockStart = [0, 60, 2_060];
        var concern = new float[blockStart[^1]];
        var offset = new float[blockStart[^1]];
        for (var i = 0; i < concern.Length; i++)
        {
            concern[i] = (float)(3 * rng.NextUnit());
            offset[i] = (float)(0.3 * rng.NextGaussian());
        }
        return AdoptionOutlook.Build(concern, offset, blockStart);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Ask_RepeatedAndChangedArguments_SameBitsAsTheOutlookItself(bool surplus)
    {
        var outlook = Outlook();
        var memo = new OutlookMemo(Outlook(), 2, surplus);
        var choice = new UserChoice(0.4, 0.8, 0.5);
        double Direct(int j, double r, double a) =>
            surplus ? outlook.Surplus(j, choice, 1.2, 0.3, r, a) : outlook.Expected(j, choice, 1.2, 0.3, r, a);

        // A repeat, a change of R, a change of the adoption share, the other institution, and a return
        // to the first arguments: every answer is the outlook's own, to the bit.
        (int J, double R, double A)[] calls =
        [
            (0, 0.62, 0.1), (0, 0.62, 0.1), (0, 0.63, 0.1), (0, 0.62, 0.15), (1, 0.62, 0.15), (0, 0.62, 0.1), (0, 0.62, 0.1),
        ];
        // The changed calls must have other answers, or a memo that ignored the change would pass.
        Assert.NotEqual(Direct(0, 0.62, 0.1), Direct(0, 0.63, 0.1));
        Assert.NotEqual(Direct(0, 0.62, 0.1), Direct(0, 0.62, 0.15));
        Assert.NotEqual(Direct(0, 0.62, 0.15), Direct(1, 0.62, 0.15));
        foreach (var (j, r, a) in calls)
        {
            var asked = memo.Ask(j, j, choice, 1.2, 0.3, r, a);
            Assert.Equal(BitConverter.DoubleToInt64Bits(Direct(j, r, a)), BitConverter.DoubleToInt64Bits(asked));
        }
    }
}
