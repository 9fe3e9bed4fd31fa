using System.Security.Cryptography;
using System.Text.Json;
using TrustSim.Core;

namespace TrustSim.Experiments;

/// <summary>
/// sweep.json: what a sweep folder was started with, written before its first run: the SHA-256 of the
/// resolved scenario (the tool's own YAML of it, as scenario.yaml holds it). A resume compares the
/// scenario it is given with this hash, not with scenario.yaml, because scenario.yaml is a file a user
/// can edit: a value changed there would otherwise resume and mix two scenarios' runs in one sweep.
/// </summary>
/// <param name="Scenario">The scenario's name (for people reading the file).</param>
/// <param name="ScenarioSha256">Lower-case hex SHA-256 of the resolved scenario's YAML (UTF-8).</param>
/// <param name="RunCount">Runs of the whole sweep (for people reading the file).</param>
internal sealed record SweepStart(string Scenario, string ScenarioSha256, long RunCount)
{
    public const string FileName = "sweep.json";

    /// <summary>The hash a sweep records of its resolved scenario's YAML.</summary>
    public static string Sha256Of(string resolvedYaml) =>
        Convert.ToHexStringLower(SHA256.HashData(AtomicFile.Utf8.GetBytes(resolvedYaml)));

    public void Write(string folder)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("scenario", Scenario);
            json.WriteString("scenario_sha256", ScenarioSha256);
            json.WriteNumber("run_count", RunCount);
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        AtomicFile.WriteAllBytes(Path.Combine(folder, FileName), buffer.ToArray());
    }

    /// <summary>
    /// The record in <paramref name="folder"/>; null when there is none (a folder of an older trustsim);
    /// or, as <paramref name="problem"/>, the line that says why the file there is not one.
    /// </summary>
    public static SweepStart? Read(string folder, out string? problem)
    {
        problem = null;
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return null;
        // Only a regular file of a few KB (the tool writes about 150 bytes): a FIFO or a huge file here is not its record.
        var bytes = RegularFile.ReadAllBytes(path, 64 << 10);
        if (!bytes.Ok)
        {
            problem = $"trustsim: {path}: {bytes.Problems[0]}, so not a {FileName} written by 'trustsim sweep'";
            return null;
        }
        try
        {
            using JsonDocument doc = JsonDocument.Parse(bytes.Value);
            JsonElement root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("scenario_sha256", out JsonElement sha) && sha.ValueKind == JsonValueKind.String
                && sha.GetString() is { Length: 64 } hex && hex.All(char.IsAsciiHexDigitLower)
                && root.TryGetProperty("run_count", out JsonElement runs) && runs.TryGetInt64(out long runCount) && runCount >= 0)
            {
                string name = root.TryGetProperty("scenario", out JsonElement n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
                return new SweepStart(name, hex, runCount);
            }
            problem = $"trustsim: {path}: not a {FileName} written by 'trustsim sweep' (it needs scenario_sha256, 64 hex digits, and run_count)";
        }
        catch (JsonException e)
        {
            problem = $"{path}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: not valid JSON, so not a {FileName} written by 'trustsim sweep'";
        }
        return null;
    }
}
