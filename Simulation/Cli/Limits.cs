using System.Globalization;
using Spectre.Console;

namespace TrustSim.Cli;

/// <summary>
/// The one cap on the CLI's parallelism options (<c>--workers</c>, <c>--threads</c>, every verb):
/// 1 to <see cref="MaxParallelism"/>. Each thread of a run is a dedicated thread with its own stack,
/// and each worker holds a whole world, so counts far beyond the cores only cost memory and time
/// (30,000 threads crashed the runtime; 2147483647 overflowed). Four per core leaves room for
/// oversubscription on any machine; the floor of 64 keeps a small machine able to test wide runs.
/// </summary>
internal static class Limits
{
    /// <summary>The cap on a machine of 16 cores or fewer.</summary>
    public const int MinParallelismCap = 64;

    /// <summary>Threads or workers allowed per core.</summary>
    public const int ParallelismPerCore = 4;

    /// <summary>Largest <c>--workers</c> or <c>--threads</c>: max(4 x cores, 64).</summary>
    public static int MaxParallelism { get; } = Math.Max(ParallelismPerCore * Environment.ProcessorCount, MinParallelismCap);

    /// <summary>The refusal of a <c>--workers</c>/<c>--threads</c> value outside 1..<see cref="MaxParallelism"/>, or null.</summary>
    public static ValidationResult? Parallelism(string option, int? value) => value switch
    {
        < 1 => ValidationResult.Error($"{option} must be at least 1"),
        { } n when n > MaxParallelism => ValidationResult.Error(
            $"{option} {n.ToString(CultureInfo.InvariantCulture)} is too many: allowed 1 to {MaxParallelism.ToString(CultureInfo.InvariantCulture)} " +
            $"({ParallelismPerCore} per core on this machine's {Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)}, at least {MinParallelismCap})"),
        _ => null,
    };
}
