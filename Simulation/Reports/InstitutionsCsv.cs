using TrustSim.Core;
using TrustSim.Engine;
using TrustSim.Scenarios;

namespace TrustSim.Reports;

/// <summary>
/// institutions.csv: each institution's attributes and final state, one row per replication and
/// institution. Columns are listed by hand (compiled reads, no reflection); a test checks that
/// every InstitutionOutcome property has its column, so a new property cannot be silently dropped.
/// </summary>
internal static class InstitutionsCsv
{
    public const string FileName = "institutions.csv";

    public static IReadOnlyList<(TableField Field, Func<InstitutionOutcome, string> Read)> Columns { get; } =
    [
        (TableField.Integer("index", "the institution's number in the run, from 0 (generated ones by rank, then the named ones)"), o => CsvText.Integer(o.Index)),
        (TableField.Text("name", "the institution's name"), o => o.Name),
        (TableField.Choice<InstitutionType>("type", "bank or payment firm"), o => CsvText.Enum(o.Type)),
        (TableField.Number("size", "size s relative to the largest (rank 1)") with { Minimum = 0 }, o => CsvText.Number(o.Size)),
        (TableField.Number("theta", "privacy sensitivity theta") with { Minimum = 0 }, o => CsvText.Number(o.Theta)),
        (TableField.Number("rho", "regulatory exposure rho") with { Minimum = 0 }, o => CsvText.Number(o.Rho)),
        (TableField.Choice<PartnershipMode>("initial_mode", "partnership mode at the start"), o => CsvText.Enum(o.InitialMode)),
        (TableField.Choice<PartnershipMode>("final_mode", "partnership mode at the end"), o => CsvText.Enum(o.FinalMode)),
        (TableField.Number("reputation", "own reputation Q at the end") with { Minimum = 0 }, o => CsvText.Number(o.Reputation)),
        (TableField.Number("welfare", "cumulative welfare W (realised payoff, size-weighted)", "utility-weeks"), o => CsvText.Number(o.Welfare)),
        (TableField.Integer("switches", "mode changes by its own choice over the run"), o => CsvText.Integer(o.Switches)),
        (TableField.Integer("customers", "simulated users banking with it", "users"), o => CsvText.Integer(o.Customers)),
        (TableField.Bounded(TableField.Number("adoption", "share of its customers adopting at the end (0 without customers)", "share of customers"),
            ValueDomain.UnitInterval), o => CsvText.Number(o.Adoption)),
    ];

    public static IReadOnlyList<TableField> Fields { get; } = [RunCsv.Replication, .. Columns.Select(c => c.Field)];

    public static IReadOnlyList<string> Header { get; } = Fields.Select(f => f.Name).ToArray();

    public static void Write(string path, IReadOnlyList<RunResult> results) => RunCsv.WriteItems(path, results, r => r.Institutions, Columns);
}
