using TrustSim.Core;

namespace TrustSim.Tests.Core;

public sealed class AtomicFileTests
{
    [Fact]
    public void WriteAllText_NewFile_WritesContentAndLeavesNoTempFile()
    {
        using var temp = new TempFolder();
        string path = temp.File("a.txt");

        AtomicFile.WriteAllText(path, "hello\n");

        Assert.Equal("hello\n", File.ReadAllText(path));
        Assert.Equal(["a.txt"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void WriteAllText_ExistingFile_ReplacesIt()
    {
        using var temp = new TempFolder();
        string path = temp.File("a.txt");
        File.WriteAllText(path, "old content that is longer\n");

        AtomicFile.WriteAllText(path, "new\n");

        Assert.Equal("new\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void Write_WriterThrows_KeepsOldFileAndLeavesNoTempFile()
    {
        using var temp = new TempFolder();
        string path = temp.File("a.txt");
        File.WriteAllText(path, "old\n");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("partial"u8);
            throw new InvalidOperationException("crash mid-write");
        }));

        Assert.Equal("old\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void WriteAllText_MissingFolder_CreatesIt()
    {
        using var temp = new TempFolder();
        string path = Path.Combine(temp.Path, "sub", "b.txt");

        AtomicFile.WriteAllText(path, "x");

        Assert.Equal("x", File.ReadAllText(path));
    }

    [Fact]
    public void WriteAllText_Text_HasNoByteOrderMark()
    {
        using var temp = new TempFolder();
        string path = temp.File("a.txt");

        AtomicFile.WriteAllText(path, "é");

        Assert.Equal(new byte[] { 0xC3, 0xA9 }, File.ReadAllBytes(path));
    }
}
