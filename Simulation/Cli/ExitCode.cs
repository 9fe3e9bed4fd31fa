namespace TrustSim.Cli;

/// <summary>The exit codes of the command contract (ARCHITECTURE.md).</summary>
internal static class ExitCode
{
    public const int Done = 0;
    public const int RunFailed = 1;
    public const int BadInput = 2;
    public const int Interrupted = 130;
}
