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

    /// <summary>The manifest in <paramref name="folder"/>, or null when there is none or it is not one.</summary>
    public static ShardManifest? Read(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<ShardManifest>(File.ReadAllText(path), Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
