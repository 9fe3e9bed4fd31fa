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

    /// <summary>The line that refuses <paramref name="estimate"/> when it does not fit; null when it does.</summary>
    public static string? Refusal(MemoryEstimate estimate, string what, string parallelism = "--workers") =>
        estimate.Refusal(AvailableBytes(), what, parallelism) is { } message ? $"trustsim: {message}" : null;
}
