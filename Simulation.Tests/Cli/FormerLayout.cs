using System.Globalization;
using System.Text.RegularExpressions;
using TrustSim.Core;

namespace TrustSim.Tests.Cli;

/// <summary>
/// Turns a run folder of this build into the layout trustsim wrote before typed events and text seeds, to check
/// that such folders are still read: events.csv as <c>kind,subject,detail,label</c> with the detail texts the model
/// logged (numbers to four significant digits), seeds as decimal numbers in summary.csv and manifest.json.
/// </summary>
internal static partial class FormerLayout
{
    public static void Rewrite(string folder)
    {
        string events = Path.Combine(folder, "events.csv");
        var rows = CsvFile.Rows(events).ToList();
        var c = rows[0].Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i);
        var lines = new List<string> { "replication,step,date,kind,subject,detail,label" };
        foreach (string[] r in rows.Skip(1))
        {
            string Get(string name) => r[c[name]];
            string Figure(string name) => Get(name).Length == 0 ? "" : double.Parse(Get(name), CultureInfo.InvariantCulture).ToString("G4", CultureInfo.InvariantCulture);
            string figures = string.Join(' ', new[] { ("affected", "affected"), ("salience", "salience"), ("drop", "drop"), ("rise", "rise"), ("safeguards_added", "safeguards+") }
                .Where(f => Get(f.Item1).Length > 0).Select(f => $"{f.Item2}={Figure(f.Item1)}"));
            (string subject, string detail) = Get("kind") switch
            {
                "mode_switch" => (Get("institution"), $"{Word(Get("from_mode"))} -> {Word(Get("to_mode"))}" + (Get("cause") == "ban" ? " (ban on Full)" : "")),
                "warning_end" => ("warning", "regulatory exposure back to normal"),
                "intervention" => (Get("intervention"), Get("intervention") switch
                {
                    "fine" => $"amount_usd={Figure("amount_usd")}",
                    "mandate_safeguards" => figures,
                    "ban_full_mode" => "Full no longer offered",
                    _ => $"regulatory exposure x{Figure("multiplier")} for {Get("duration")} steps",
                }),
                _ => (Get("shock_type"), Get("cause") switch
                {
                    "random" => "random scandal " + figures,
                    "fine" => "news of the fine " + figures,
                    _ => figures,
                }),
            };
            lines.Add(string.Join(',', new[] { Get("replication"), Get("step"), Get("date"), Get("kind"), subject, detail, Get("label") }.Select(Quoted)));
        }
        File.WriteAllText(events, string.Join('\n', lines) + "\n");

        string summary = Path.Combine(folder, "summary.csv");
        File.WriteAllText(summary, HexSeed().Replace(File.ReadAllText(summary), m => Decimal(m.Value)));
        string manifest = Path.Combine(folder, "manifest.json");
        File.WriteAllText(manifest, QuotedHexSeed().Replace(File.ReadAllText(manifest), m => Decimal(m.Value.Trim('"'))));
    }

    private static string Word(string mode) => char.ToUpperInvariant(mode[0]) + mode[1..];

    private static string Quoted(string field) => field.Contains(',') || field.Contains('"') ? $"\"{field.Replace("\"", "\"\"")}\"" : field;

    private static string Decimal(string hex) => ulong.Parse(hex[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("0x[0-9a-f]{16}")]
    private static partial Regex HexSeed();

    [GeneratedRegex("\"0x[0-9a-f]{16}\"")]
    private static partial Regex QuotedHexSeed();
}
