using System.Diagnostics;

namespace TrustSim.Tests.Cli;

/// <summary>A tmpfs of a few megabytes mounted for a test, to fill the disk for real (needs root; else <see cref="Mount"/> says why not).</summary>
internal sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    /// <summary>Mounts a tmpfs of <paramref name="kilobytes"/> KB, or returns null and the reason it could not.</summary>
    public static (SmallDisk? Disk, string Reason) Mount(int kilobytes)
    {
        string path = CliRunner.TempFolder();
        var (code, error) = Command("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", path);
        return code == 0 ? (new SmallDisk(path), "") : (null, $"cannot mount a tmpfs (root needed): {error.Trim()}");
    }

    /// <summary>Grows the disk, as freeing space would.</summary>
    public void Resize(int kilobytes)
    {
        var (code, error) = Command("mount", "-o", $"remount,size={kilobytes}k", Path);
        Assert.True(code == 0, error);
    }

    public void Dispose() => Command("umount", "-l", Path);

    private static (int Code, string Error) Command(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in args) info.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(info)!;
            string error = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
