using TrustSim.Core;
using TrustSim.Experiments;
using TrustSim.Scenarios;

namespace TrustSim.Tests.Experiments;

public sealed class SaltelliDesignTests
{
    private static SweepParameter[] UnitBox(int k) =>
        Enumerable.Range(0, k).Select(i => new SweepParameter { Path = $"p{i}", Min = 0, Max = 1 }).ToArray();

    [Theory]
    [InlineData(false, 5)]
    [InlineData(true, 8)]
    public void Build_ThreeParameters_LaysOutABAndBAPerBaseRow(bool secondOrder, int rowSize)
    {
        var design = SaltelliDesign.Build(UnitBox(3), 16, secondOrder, new RandomStream(9));
        var layout = design.Layout;
        Assert.Equal(rowSize, layout.RowSize);
        Assert.Equal(16 * rowSize, design.Points.Count);
        Assert.Empty(design.Warnings);
        for (var j = 0; j < 16; j++)
        {
            var a = design.Points[layout.A(j)].Values;
            var b = design.Points[layout.B(j)].Values;
            Assert.Equal(j * rowSize, layout.A(j));
            Assert.Equal(j * rowSize + rowSize - 1, layout.B(j));
            for (var i = 0; i < 3; i++)
            {
                Assert.NotEqual(a[i], b[i]);
                var ab = design.Points[layout.AB(j, i)].Values;
                Assert.Equal(Enumerable.Range(0, 3).Select(c => c == i ? b[c] : a[c]), ab);
                if (!secondOrder) continue;
                var ba = design.Points[layout.BA(j, i)].Values;
                Assert.Equal(Enumerable.Range(0, 3).Select(c => c == i ? a[c] : b[c]), ba);
            }
        }
        Assert.Equal(Enumerable.Range(0, design.Points.Count), design.Points.Select(p => p.Index));
    }

    [Fact]
    public void Build_BaseRows_AreA2kDimensionalNet()
    {
        // A and B columns together are the first N points of a scrambled 6-dimensional Sobol sequence,
        // so each column is balanced: one point in each of the N intervals of width 1/N.
        var design = SaltelliDesign.Build(UnitBox(3), 64, false, new RandomStream(1));
        var layout = design.Layout;
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(64, Enumerable.Range(0, 64).Select(j => (int)(design.Points[layout.A(j)].Values[c] * 64)).Distinct().Count());
            Assert.Equal(64, Enumerable.Range(0, 64).Select(j => (int)(design.Points[layout.B(j)].Values[c] * 64)).Distinct().Count());
        }
    }

    [Fact]
    public void Build_BaseRowsNotAPowerOfTwo_WarnsWithNeighbours()
    {
        var design = SaltelliDesign.Build(UnitBox(2), 1000, false, new RandomStream(1));
        var warning = Assert.Single(design.Warnings);
        Assert.Contains("1000 is not a power of 2", warning);
        Assert.Contains("512 or 1024", warning);
    }

    [Fact]
    public void Build_TooManyParameters_Refuses()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SaltelliDesign.Build(UnitBox(SaltelliDesign.MaxParameters + 1), 8, false, new RandomStream(1)));
        Assert.Equal(50, SaltelliDesign.MaxParameters);
    }
}
