using System.Text.Json;
using System.Text.Json.Serialization;
using TrustSim.Core;

namespace TrustSim.Reports;

/// <summary>
/// A seed in manifest.json: written as the string "0x..." (<see cref="SeedText"/>), because a JSON number
/// above 2^53 comes back as another number from most JSON readers (JavaScript, R's jsonlite, pandas);
/// read from that string, a decimal string, or the plain number that manifests written before held.
/// </summary>
internal sealed class SeedJson : JsonConverter<ulong>
{
    public override ulong Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetUInt64(out ulong number)) return number;
        if (reader.TokenType == JsonTokenType.String && SeedText.TryParse(reader.GetString() ?? "", out ulong seed)) return seed;
        throw new JsonException($"a seed must be {SeedText.Expected}");
    }

    public override void Write(Utf8JsonWriter writer, ulong value, JsonSerializerOptions options) =>
        writer.WriteStringValue(SeedText.Format(value));
}

/// <summary>A list of seeds in manifest.json, each as <see cref="SeedJson"/> writes and reads one.</summary>
internal sealed class SeedListJson : JsonConverter<IReadOnlyList<ulong>>
{
    private static readonly SeedJson One = new();

    public override IReadOnlyList<ulong> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("a list of seeds must be a JSON array");
        var seeds = new List<ulong>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            seeds.Add(One.Read(ref reader, typeof(ulong), options));
        return seeds;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<ulong> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (ulong seed in value) One.Write(writer, seed, options);
        writer.WriteEndArray();
    }
}
