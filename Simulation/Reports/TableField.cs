using TrustSim.Core;
using TrustSim.Metrics;
using TrustSim.Scenarios;

namespace TrustSim.Reports;

/// <summary>
/// One column of a data file as datapackage.json describes it (a Frictionless Table Schema field): its
/// name, type, meaning and, where known, unit, allowed words and range. The writers build their headers
/// from these, so the file and its description cannot drift apart.
/// </summary>
/// <param name="Unit">The unit in words ("people", "share of users"); empty when there is none or it goes without saying.</param>
internal sealed record TableField(string Name, FieldType Type, string Description, string Unit = "")
{
    /// <summary>The only words the column may hold (an enum in snake_case); null for free text.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>A pattern every non-empty value matches (seeds); null when none.</summary>
    public string? Pattern { get; init; }

    /// <summary>Bounds of a number column (from a metric's value domain); infinite when open.</summary>
    public double Minimum { get; init; } = double.NegativeInfinity;

    public double Maximum { get; init; } = double.PositiveInfinity;

    /// <summary>What a seed looks like in every file (<see cref="SeedText"/>).</summary>
    public const string SeedPattern = "^0x[0-9a-f]{16}$";

    public static TableField Integer(string name, string description, string unit = "") => new(name, FieldType.Integer, description, unit);

    public static TableField Number(string name, string description, string unit = "") => new(name, FieldType.Number, description, unit);

    public static TableField Text(string name, string description) => new(name, FieldType.String, description);

    public static TableField Date(string name, string description) => new(name, FieldType.Date, description);

    public static TableField Boolean(string name, string description) => new(name, FieldType.Boolean, description);

    /// <summary>A seed: text, so a number above 2^53 is never read as a nearby double.</summary>
    public static TableField Seed(string name, string description) =>
        new(name, FieldType.String, description + " (0x and 16 hex digits: a 64-bit seed, kept as text so no program rounds it)") { Pattern = SeedPattern };

    /// <summary>A column holding one of an enum's values, as CsvText.Enum spells them.</summary>
    public static TableField Choice<T>(string name, string description) where T : struct, Enum =>
        new(name, FieldType.String, description) { Values = Enum.GetValues<T>().Select(v => CsvText.Enum(v)).ToArray() };

    /// <summary>A metric's column: its name, description, unit and value domain.</summary>
    public static TableField Metric<T>(MetricColumn<T> column) => Bounded(Number(column.Name, column.Description, column.Unit), column.Domain);

    /// <summary>A number column inside <paramref name="domain"/>.</summary>
    public static TableField Bounded(TableField field, ValueDomain domain) => field with { Minimum = domain.Lower, Maximum = domain.Upper };

    /// <summary>A swept or fitted scenario key: its meaning and unit from the key's [Parameter] text when the catalogue knows it.</summary>
    public static TableField Parameter(string path, string role)
    {
        var parameter = ScenarioKeyCatalog.ParameterOf(path);
        string meaning = parameter is null ? "" : $": {parameter.Meaning}";
        return Number(path, $"{role} scenario key {path}{meaning}", parameter?.Unit ?? "");
    }

    /// <summary>The same column under another name and description (a statistic of a metric, say).</summary>
    public TableField Renamed(string name, string description) => this with { Name = name, Description = description };
}
