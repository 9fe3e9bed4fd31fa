using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using TrustSim.Engine;
using TrustSim.Scenarios;

namespace TrustSim.Reports;

/// <summary>Facts about the tool and machine that a manifest records, and a way to fill one in.</summary>
internal static class RunEnvironment
{
    public static string ToolVersion { get; } =
        typeof(RunEnvironment).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(RunEnvironment).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public static string Dotnet => RuntimeInformation.FrameworkDescription;

    public static string Os => $"{RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})";

    /// <summary>Lower-case hex SHA-256 of a file's bytes; null when it cannot be read.</summary>
    public static string? Sha256OfFile(string? path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return null;
        }
        try
        {
            using FileStream stream = File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Joins arguments into one line a shell would split back the same way.</summary>
    public static string CommandLine(IEnumerable<string> args) =>
        string.Join(' ', new[] { "trustsim" }.Concat(args.Select(Quote)));

    /// <summary>A manifest for a finished (or failed, or interrupted) run, with this machine's facts filled in.</summary>
    public static Manifest ForRun(
        string commandLine,
        string? scenarioFile,
        Scenario scenario,
        IReadOnlyList<RunResult> results,
        DateTime startedUtc,
        DateTime endedUtc,
        RunStatus status,
        string? error = null) => new()
        {
            ToolVersion = ToolVersion,
            GitCommit = GitCommit.Find(Directory.GetCurrentDirectory()),
            CommandLine = commandLine,
            ScenarioName = scenario.Name,
            ScenarioFile = scenarioFile,
            ScenarioSha256 = Sha256OfFile(scenarioFile),
            MasterSeed = scenario.Seed,
            Replications = RunCsv.InOrder(results).Select(r => new ReplicationSeed(r.Replication, r.Seed)).ToList(),
            StartedUtc = startedUtc.ToUniversalTime(),
            EndedUtc = endedUtc.ToUniversalTime(),
            WallSeconds = Math.Max(0, (endedUtc.ToUniversalTime() - startedUtc.ToUniversalTime()).TotalSeconds),
            Dotnet = Dotnet,
            Os = Os,
            Status = status,
            Error = error,
        };

    /// <summary>A manifest for a command that runs no scenario (a discovery): the tool, the machine, the command line and the times.</summary>
    public static Manifest ForCommand(string commandLine, string name, DateTime startedUtc, DateTime endedUtc, RunStatus status, string? error = null) => new()
    {
        ToolVersion = ToolVersion,
        GitCommit = GitCommit.Find(Directory.GetCurrentDirectory()),
        CommandLine = commandLine,
        ScenarioName = name,
        StartedUtc = startedUtc.ToUniversalTime(),
        EndedUtc = endedUtc.ToUniversalTime(),
        WallSeconds = Math.Max(0, (endedUtc.ToUniversalTime() - startedUtc.ToUniversalTime()).TotalSeconds),
        Dotnet = Dotnet,
        Os = Os,
        Status = status,
        Error = error,
    };

    private static string Quote(string arg) =>
        arg.Length > 0 && !arg.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '$' or '\\')
            ? arg
            : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
