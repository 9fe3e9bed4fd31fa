using TrustSim.Core;
using TrustSim.Engine;

namespace TrustSim.Reports;

/// <summary>
/// institutions.csv: each institution's attributes and final state, one row per replication and
/// institution. Columns are listed by hand (compiled reads, no reflection); a test checks that
/// every InstitutionOutcome property has its column, so a new property cannot be silently dropped.
/// </summary>
internal static class InstitutionsCsv
{
    public const string FileName = "institutions.csv";

    public static IReadOnlyList<(string Name, Func<InstitutionOutcome, string> Read)> Columns { get; } =
    [
        ("index", o => CsvText.Integer(o.Index)),
        ("name", o => o.Name),
        ("type", o => CsvText.Enum(o.Type)),
        ("size", o => CsvText.Number(o.Size)),
        ("theta", o => CsvText.Number(o.Theta)),
        ("rho", o => CsvText.Number(o.Rho)),
        ("initial_mode", o => CsvText.Enum(o.InitialMode)),
        ("final_mode", o => CsvText.Enum(o.FinalMode)),
        ("reputation", o => CsvText.Number(o.Reputation)),
        ("welfare", o => CsvText.Number(o.Welfare)),
        ("switches", o => CsvText.Integer(o.Switches)),
        ("customers", o => CsvText.Integer(o.Customers)),
        ("adoption", o => CsvText.Number(o.Adoption)),
    ];

    public static IReadOnlyList<string> Header { get; } = ["replication", .. Columns.Select(c => c.Name)];

    public static void Write(string path, IReadOnlyList<RunResult> results) =>
        CsvTable.Write(path, Header, RunCsv.InOrder(results).SelectMany(Rows));

    private static IEnumerable<IReadOnlyList<string>> Rows(RunResult result)
    {
        string replication = CsvText.Integer(result.Replication);
        foreach (InstitutionOutcome outcome in result.Institutions)
        {
            var row = new string[Header.Count];
            row[0] = replication;
            for (int c = 0; c < Columns.Count; c++)
            {
                row[1 + c] = Columns[c].Read(outcome);
            }
            yield return row;
        }
    }
}
