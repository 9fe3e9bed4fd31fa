using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace TrustSim.Tests.Cli;

/// <summary>trustsim started as a real child process (the built trustsim.dll next to the test assembly), for signal tests.</summary>
internal sealed class TrustsimProcess : IDisposable
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _error = new();

    private TrustsimProcess(Process process)
    {
        _process = process;
    }

    /// <summary>The trustsim.dll the build copies next to the test assembly (project reference).</summary>
    public static string Dll
    {
        get
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "trustsim.dll");
            Assert.True(File.Exists(dll), $"trustsim.dll not found next to the tests: {dll}");
            return dll;
        }
    }

    /// <summary>The dotnet host running these tests (set by the dotnet CLI), else dotnet on the PATH.</summary>
    private static string Host =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";

    public static TrustsimProcess Start(params string[] args) => StartIn(null, args);

    /// <summary>Starts the tool with <paramref name="workingFolder"/> as its current folder (null: the tests').</summary>
    public static TrustsimProcess StartIn(string? workingFolder, params string[] args)
    {
        var info = new ProcessStartInfo(Host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingFolder ?? "",
        };
        info.ArgumentList.Add(Dll);
        foreach (string a in args) info.ArgumentList.Add(a);
        var process = new Process { StartInfo = info };
        var child = new TrustsimProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (child._out) child._out.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (child._error) child._error.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The child's process id (it names the run's staging folder, <c>.NAME.new-PID</c>, and its lock note).</summary>
    public int Id => _process.Id;

    public string Out { get { lock (_out) return _out.ToString(); } }

    public string Error { get { lock (_error) return _error.ToString(); } }

    /// <summary>Sends a POSIX signal; false when the process had already gone.</summary>
    public bool Signal(int signal) => !_process.HasExited && Kill(_process.Id, signal) == 0;

    /// <summary>Waits for the exit and returns the exit code (fails the test after <paramref name="timeout"/>).</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill();
            Assert.Fail($"trustsim did not exit within {timeout.TotalSeconds} s; stderr: {Error}");
        }
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
