using System.Text.Json.Serialization;

namespace TrustSim.Reports;

/// <summary>
/// What manifest.json records about a run: enough to reproduce it and to tell runs apart.
/// The only file of a run folder that holds timestamps, so the data files stay byte-identical.
/// </summary>
internal sealed record Manifest
{
    /// <summary>The assembly's informational version, e.g. "0.1.0+abc123".</summary>
    public string ToolVersion { get; init; } = "";

    /// <summary>Commit of the repository the run was started in; null when not in a git checkout.</summary>
    public string? GitCommit { get; init; }

    /// <summary>The command as typed, arguments quoted where they contain spaces.</summary>
    public string CommandLine { get; init; } = "";

    public string ScenarioName { get; init; } = "";

    /// <summary>Path of the scenario YAML as given; null when the scenario did not come from a file.</summary>
    public string? ScenarioFile { get; init; }

    /// <summary>Lower-case hex SHA-256 of the scenario file's bytes; null without a file.</summary>
    public string? ScenarioSha256 { get; init; }

    public ulong MasterSeed { get; init; }

    /// <summary>Each replication's derived seed, in replication order.</summary>
    public IReadOnlyList<ReplicationSeed> Replications { get; init; } = [];

    /// <summary>Start of the run, UTC, ISO 8601 in the JSON.</summary>
    public DateTime StartedUtc { get; init; }

    public DateTime EndedUtc { get; init; }

    /// <summary>Elapsed wall-clock time, seconds.</summary>
    public double WallSeconds { get; init; }

    /// <summary>Runtime description, e.g. ".NET 10.0.0".</summary>
    public string Dotnet { get; init; } = "";

    /// <summary>Operating system and architecture.</summary>
    public string Os { get; init; } = "";

    public RunStatus Status { get; init; }

    /// <summary>Why the run failed or stopped; null when it completed.</summary>
    public string? Error { get; init; }

    /// <summary>What a calibration found (calibrate folders only; left out of other manifests).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CalibrationManifest? Calibration { get; init; }

    /// <summary>What a posterior calibration drew and found (calibrate folders of method posterior only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PosteriorManifest? Posterior { get; init; }

    /// <summary>The design and run counts of a sweep; null (and left out of the JSON) for a plain run.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SweepInfo? Sweep { get; init; }

    /// <summary>Advice on the results (for example sensitivity indices that need more samples); left out when empty.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Warnings { get; init; }

    /// <summary>What a comparison compared (compare folders only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ComparisonManifest? Comparison { get; init; }

    /// <summary>What a scenario discovery read and found (discovery folders only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DiscoveryManifest? Discovery { get; init; }

    /// <summary>What a threshold search found (threshold sweeps only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ThresholdManifest? Threshold { get; init; }
}

/// <summary>One replication's number and the seed derived for it from the master seed.</summary>
internal sealed record ReplicationSeed(int Replication, ulong Seed);
