using System.Text.Json;
using System.Text.Json.Serialization;
using TrustSim.Core;
using TrustSim.Experiments;

namespace TrustSim.Reports;

/// <summary>
/// shard.json: what a shard folder is a part of, written before the shard's first run so that
/// <c>merge</c> can check shards against each other and name the runs a shard still owes.
/// </summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="ScenarioSha256">Lower-case hex SHA-256 of the shard folder's scenario.yaml (the resolved scenario).</param>
/// <param name="Design">The sweep design (grid, random, ...).</param>
/// <param name="RunCount">Runs of the whole sweep, over all shards.</param>
/// <param name="Shard">This shard's index, 0 to <paramref name="Shards"/> - 1.</param>
/// <param name="Shards">How many shards the sweep is split into.</param>
/// <param name="Assignment">The rule the run ids follow, in words.</param>
/// <param name="RunIds">The run ids this shard owns, ascending.</param>
internal sealed record ShardManifest(string Scenario, string ScenarioSha256, string Design, long RunCount, int Shard, int Shards,
    string Assignment, IReadOnlyList<long> RunIds)
{
    public const string FileName = "shard.json";

    // The same JSON conventions as manifest.json.
    private static JsonSerializerOptions Options => ManifestJson.Options;

    [JsonIgnore]
    public ShardSpec Spec => new(Shard, Shards);

    /// <summary>The manifest of shard <paramref name="spec"/> of <paramref name="plan"/>, whose resolved scenario has hash <paramref name="sha256"/>.</summary>
    public static ShardManifest For(SweepPlan plan, ShardSpec spec, string sha256) =>
        new(plan.Scenario.Name, sha256, SnakeCase.EnumName(plan.Sweep.Design), plan.RunCount, spec.Index, spec.Count,
            $"run_id % {spec.Count} == {spec.Index}", spec.RunIds(plan.RunCount).ToArray());

    public void Write(string folder) =>
        AtomicFile.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Options) + "\n");

    /// <summary>
    /// The manifest in <paramref name="folder"/>; a success holding null when the folder has none; or the
    /// line that says why the file there is not a shard manifest (bad input: unreadable, or its numbers
    /// do not describe a shard).
    /// </summary>
    public static Outcome<ShardManifest?> Read(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return Outcome<ShardManifest?>.Success(null);
        ShardManifest? manifest;
        try
        {
            // Only a regular file: a FIFO or device named shard.json would hang or fill memory.
            var opened = RegularFile.OpenRead(path);
            if (!opened.Ok) return Outcome<ShardManifest?>.Failure($"trustsim: {path}: {opened.Problems[0]}");
            using var stream = opened.Value;
            manifest = JsonSerializer.Deserialize<ShardManifest>(stream, Options);
        }
        catch (JsonException e)
        {
            // JsonException counts lines and bytes from 0.
            return Outcome<ShardManifest?>.Failure(
                $"{path}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: not valid JSON, so not a {FileName} written by 'trustsim sweep --shard'");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Outcome<ShardManifest?>.Failure($"trustsim: {path}: cannot read it: {e.Message}");
        }
        string? wrong = manifest switch
        {
            null => "it holds no shard description",
            { Shards: < 1 } m => $"shards = {m.Shards}; a sweep is split into 1 or more shards",
            { } m when m.Shard < 0 || m.Shard >= m.Shards => $"shard = {m.Shard} is not one of 0 to {m.Shards - 1}",
            { RunCount: < 0 } m => $"run_count = {m.RunCount} is negative",
            { RunIds: null } => "run_ids is missing",
            _ => null,
        };
        return wrong is null ? Outcome<ShardManifest?>.Success(manifest) : Outcome<ShardManifest?>.Failure($"trustsim: {path}: {wrong}");
    }
}
