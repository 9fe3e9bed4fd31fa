using TrustSim.Reports;

namespace TrustSim.Tests.Reports;

public sealed class GitCommitTests
{
    private const string Hash = "0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public void Find_BranchWithLooseRef_ReturnsItsCommit()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, ".git", "refs", "heads"));
        File.WriteAllText(Path.Combine(temp.Path, ".git", "HEAD"), "ref: refs/heads/main\n");
        File.WriteAllText(Path.Combine(temp.Path, ".git", "refs", "heads", "main"), Hash + "\n");
        string nested = Path.Combine(temp.Path, "a", "b");
        Directory.CreateDirectory(nested);

        Assert.Equal(Hash, GitCommit.Find(nested));
    }

    [Fact]
    public void Find_BranchInPackedRefs_ReturnsItsCommit()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, ".git"));
        File.WriteAllText(Path.Combine(temp.Path, ".git", "HEAD"), "ref: refs/heads/main\n");
        File.WriteAllText(Path.Combine(temp.Path, ".git", "packed-refs"),
            "# pack-refs with: peeled fully-peeled sorted\n" + Hash + " refs/heads/main\n");

        Assert.Equal(Hash, GitCommit.Find(temp.Path));
    }

    [Fact]
    public void Find_DetachedHead_ReturnsTheHash()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, ".git"));
        File.WriteAllText(Path.Combine(temp.Path, ".git", "HEAD"), Hash + "\n");

        Assert.Equal(Hash, GitCommit.Find(temp.Path));
    }

    [Fact]
    public void Find_UnbornBranch_ReturnsNull()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, ".git"));
        File.WriteAllText(Path.Combine(temp.Path, ".git", "HEAD"), "ref: refs/heads/main\n");

        Assert.Null(GitCommit.Find(temp.Path));
    }
}
