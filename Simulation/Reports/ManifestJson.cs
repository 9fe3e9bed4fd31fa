using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using TrustSim.Core;

namespace TrustSim.Reports;

/// <summary>Reads and writes manifest.json: indented, snake_case keys and enum values, LF line endings.</summary>
internal static class ManifestJson
{
    public const string FileName = "manifest.json";

    /// <summary>How TrustSim writes JSON: snake_case, indented by two, LF, enums as snake_case text.</summary>
    internal static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        // The manifest is read by people and scripts, never embedded in HTML: keep '+' in versions and quotes in command lines literal.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string ToJson(Manifest manifest) => JsonSerializer.Serialize(manifest, Options) + "\n";

    public static void Write(string path, Manifest manifest) => AtomicFile.WriteAllText(path, ToJson(manifest));

    /// <summary>Reads a manifest back (for plot and compare); null when the file is missing, not a regular file, or not a manifest.</summary>
    public static Manifest? Read(string path)
    {
        try
        {
            // Only a regular file: a FIFO or device named manifest.json would hang or fill memory.
            var opened = RegularFile.OpenRead(path);
            if (!opened.Ok) return null;
            using var stream = opened.Value;
            return JsonSerializer.Deserialize<Manifest>(stream, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
