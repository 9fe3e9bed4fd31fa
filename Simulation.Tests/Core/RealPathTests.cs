using TrustSim.Core;

namespace TrustSim.Tests.Core;

public sealed class RealPathTests
{
    [Fact]
    public void Of_SymlinkDotDotAndTrailingSlash_AllLeadToTheSameFolder()
    {
        using var temp = new TempFolder();
        var real = Path.Combine(temp.Path, "real");
        Directory.CreateDirectory(Path.Combine(real, "inner"));
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "link"), real);

        Assert.Equal(RealPath.Of(real), RealPath.Of(Path.Combine(temp.Path, "link") + "/"));
        Assert.Equal(RealPath.Of(Path.Combine(real, "inner")), RealPath.Of(Path.Combine(temp.Path, "link", "inner", "..", "inner")));
    }

    [Fact]
    public void Overlap_SameInsideOrHolding_TrueAndSiblingsFalse()
    {
        using var temp = new TempFolder();
        var a = Path.Combine(temp.Path, "a");
        Directory.CreateDirectory(a);

        Assert.True(RealPath.Overlap(a, a));
        Assert.True(RealPath.Overlap(Path.Combine(a, "not-yet"), a));
        Assert.True(RealPath.Overlap(temp.Path, a));
        Assert.False(RealPath.Overlap(Path.Combine(temp.Path, "ab"), a));
    }

    [Fact]
    public void Of_CycleOfLinks_ReturnsInsteadOfLooping()
    {
        using var temp = new TempFolder();
        File.CreateSymbolicLink(Path.Combine(temp.Path, "x"), Path.Combine(temp.Path, "y"));
        File.CreateSymbolicLink(Path.Combine(temp.Path, "y"), Path.Combine(temp.Path, "x"));

        Assert.StartsWith(RealPath.Of(temp.Path), RealPath.Of(Path.Combine(temp.Path, "x")));
    }
}
