using TrustSim.Core;
using TrustSim.Tests.Cli;

namespace TrustSim.Tests.Reports;

/// <summary>Issue 14: user text that a spreadsheet would evaluate never reaches a CSV file as a formula.</summary>
public sealed class FormulaInjectionTests
{
    private const string Scenario = """
        name: formula-labels
        seed: 14
        replications: 2
        time: { step: week, start: 2016-04-11, steps: 12 }
        users: { count: 300 }
        institutions:
          generated: { banks: 3, payments: 1 }
          named:
            - { name: "@SUM(A1)", type: bank, mode: limited, size: 0.4 }
        shocks:
          - { step: 3, type: hearing, severity: 0.9, label: '=HYPERLINK("http://x","y")' }
        interventions:
          - { step: 6, type: fine, amount: 1000000, severity: 0.3, label: "-5% shock" }
        """;

    [Fact]
    public void Run_LabelsAndNamesStartingWithFormulaCharacters_NoCellStartsWithOneAndPlotReadsThemBack()
    {
        string root = CliRunner.TempFolder();
        string yaml = Path.Combine(root, "formula-labels.yaml");
        File.WriteAllText(yaml, Scenario);
        string dir = Path.Combine(root, "run");

        var run = CliRunner.Run("run", yaml, "--out", dir);

        Assert.True(run.ExitCode == 0, run.Error);
        foreach (string file in new[] { "events.csv", "institutions.csv", "summary.csv", "timeseries.csv" })
        {
            foreach (string cell in Cells(Path.Combine(dir, file)))
            {
                Assert.False(cell.Length > 0 && "=+@\t\r".Contains(cell[0]), $"{file}: {cell}");
                Assert.False(cell.StartsWith('-') && !double.TryParse(cell, System.Globalization.CultureInfo.InvariantCulture, out _), $"{file}: {cell}");
            }
        }
        string events = File.ReadAllText(Path.Combine(dir, "events.csv"));
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", events);
        Assert.Contains(",'-5% shock\n", events);
        Assert.Contains(",'@SUM(A1),bank,", File.ReadAllText(Path.Combine(dir, "institutions.csv")));

        // The tool's own reader recovers the raw values.
        var labels = CsvFile.Rows(Path.Combine(dir, "events.csv")).Skip(1).Select(r => r[^1]).ToHashSet();
        Assert.Contains("=HYPERLINK(\"http://x\",\"y\")", labels);
        Assert.Contains("-5% shock", labels);
        Assert.Contains("@SUM(A1)", CsvFile.Rows(Path.Combine(dir, "institutions.csv")).Select(r => r[2]));

        Directory.Delete(Path.Combine(dir, "charts"), recursive: true);
        var plot = CliRunner.Run("plot", dir);
        Assert.True(plot.ExitCode == 0, plot.Error);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(dir, "charts"), "*.png"));
    }

    /// <summary>Every field as it stands in the file (the guard not undone), split by a plain RFC 4180 reader.</summary>
    private static IEnumerable<string> Cells(string path)
    {
        string text = File.ReadAllText(path);
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c != '"') cell.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') cell.Append(text[++i]);
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c is ',' or '\n')
            {
                yield return cell.ToString();
                cell.Clear();
            }
            else cell.Append(c);
        }
    }
}
