using TrustSim.Reports;

namespace TrustSim.Tests.Reports;

public sealed class FolderLockTests
{
    private static readonly LockHolder Holder = new(4242, new DateTime(2026, 12, 3, 18, 0, 0, DateTimeKind.Utc), "trustsim run a.yaml --out x");

    [Fact]
    public void TryTake_FreeFolder_TakesTheLockBesideItWithTheHoldersNote()
    {
        using var temp = new TempFolder();
        string folder = temp.File("run");

        using var taken = FolderLock.TryTake(folder, Holder, onlyIfNew: false, out string? heldBy);

        Assert.NotNull(taken);
        Assert.Null(heldBy);
        Assert.Equal(temp.File(".run.trustsim.lock"), taken.Path);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void TryTake_HeldByAnotherHandle_ReturnsNullWithTheHoldersNote()
    {
        // flock belongs to the open file, so a second command in one process is refused as another process is.
        using var temp = new TempFolder();
        string folder = temp.File("run");
        using var first = FolderLock.TryTake(folder, Holder, onlyIfNew: false, out _);

        var second = FolderLock.TryTake(folder, Holder with { ProcessId = 7 }, onlyIfNew: false, out string? heldBy);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal("pid 4242, started 2026-12-03 18:00:00 UTC: trustsim run a.yaml --out x", LockHolder.Describe(heldBy!));
    }

    [Fact]
    public void TryTake_AfterTheHolderReleased_TakesItAgainAndKeepsTheFile()
    {
        using var temp = new TempFolder();
        string folder = temp.File("run");
        FolderLock.TryTake(folder, Holder, onlyIfNew: false, out _)!.Dispose();

        using var again = FolderLock.TryTake(folder, Holder with { ProcessId = 7 }, onlyIfNew: false, out string? heldBy);

        Assert.NotNull(again);
        Assert.Null(heldBy);
        Assert.True(File.Exists(temp.File(".run.trustsim.lock")));
    }

    [Fact]
    public void TryTake_OnlyIfNewWhenTheLockFileExists_ReturnsNullWithoutAHolder()
    {
        using var temp = new TempFolder();
        string folder = temp.File("20261203-180000");
        File.WriteAllText(temp.File(".20261203-180000.trustsim.lock"), "");

        var taken = FolderLock.TryTake(folder, Holder, onlyIfNew: true, out string? heldBy);

        Assert.Null(taken);
        Assert.Null(heldBy);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("garbage\nwith no pid", "")]
    [InlineData("pid x\nstarted now", "")]
    [InlineData("pid 12\n", "pid 12")]
    [InlineData("pid 12\nstarted 2026-12-03 18:00:00 UTC\ncommand trustsim sweep s.yaml\n", "pid 12, started 2026-12-03 18:00:00 UTC: trustsim sweep s.yaml")]
    public void Describe_Note_SaysWhatItCanTrust(string note, string expected)
    {
        Assert.Equal(expected, LockHolder.Describe(note));
    }

    [Fact]
    public void Note_CommandWithLineBreaks_StaysOneLineAFact()
    {
        string note = (Holder with { CommandLine = "trustsim run 'a\nb.yaml'" }).Note();

        Assert.Equal(3, note.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
