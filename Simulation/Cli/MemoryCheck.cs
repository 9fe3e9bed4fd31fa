using Spectre.Console;
using TrustSim.Engine;

namespace TrustSim.Cli;

/// <summary>Refuses a command whose memory estimate exceeds what this process may use (exit 2, one line).</summary>
internal static class MemoryCheck
{
    /// <summary>
    /// Bytes this process may use: the GC's view, which honours a container's memory limit and
    /// DOTNET_GCHeapHardLimit, not just the machine's RAM.
    /// </summary>
    public static long AvailableBytes() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>True (after printing why) when <paramref name="estimate"/> does not fit.</summary>
    public static bool Refuses(MemoryEstimate estimate, string what, IAnsiConsole errors, string parallelism = "--workers")
    {
        if (estimate.Refusal(AvailableBytes(), what, parallelism) is not { } message) return false;
        errors.Print($"trustsim: {message}");
        return true;
    }
}
