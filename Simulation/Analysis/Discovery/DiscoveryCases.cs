using System.Globalization;
using TrustSim.Core;

namespace TrustSim.Analysis.Discovery;

/// <summary>
/// The cases a discovery searches, made from a case table: the inputs as PRIM takes them (numeric, or
/// categorical when a column holds text), and which cases are of interest. A case missing a value in any
/// column used is left out and counted. Refused, with every reason at once: an input that is not a column,
/// a numeric input with a text cell, an input with one value only, and a selection of no case or of every case.
/// </summary>
internal static class DiscoveryCases
{
    /// <summary>The cases searched: PRIM's data, and the rows of the table they came from.</summary>
    internal sealed record Prepared(PrimData Data, IReadOnlyList<int> Rows, int LeftOut);

    /// <param name="categorical">Inputs to read as categories even when their cells are numbers.</param>
    /// <param name="hint">Advice for a name that is no column (see <see cref="CaseSelection.Bind"/>).</param>
    public static Outcome<Prepared> Prepare(CaseTable table, CaseSelection selection, string expression, IReadOnlyList<string> inputs,
        IReadOnlyCollection<string> categorical, Func<string, IReadOnlyList<string>, string> hint)
    {
        var problems = new List<string>();
        var columns = new List<CaseColumn>();
        foreach (string name in inputs)
        {
            if (table.Find(name) is not { } column)
            {
                problems.Add($"trustsim: --inputs: {table.Source} has no column '{name}'; {hint(name, table.Columns.Select(c => c.Name).ToList())}");
                continue;
            }
            if (!categorical.Contains(name) && !column.IsNumeric && column.HasNumbers)
            {
                problems.Add($"trustsim: {table.Source}:{Line(table, column.FirstText)}: input '{name}' has '{Shown(column.Texts[column.FirstText])}', " +
                    $"not a number, while its other cells are numbers; correct the cell, or name the input in --categorical to read every value as a category");
                continue;
            }
            columns.Add(column);
        }
        foreach (string name in categorical.Where(c => !inputs.Contains(c)))
            problems.Add($"trustsim: --categorical: '{name}' is not one of the inputs ({string.Join(", ", inputs)})");
        if (problems.Count > 0) return Outcome<Prepared>.Failure(problems);

        var used = columns.Concat(selection.Columns).Distinct().ToList();
        var rows = Enumerable.Range(0, table.Rows).Where(r => used.All(c => !c.IsMissing(r))).ToArray();
        if (rows.Length == 0)
        {
            return Outcome<Prepared>.Failure($"trustsim: {table.Source}: no case has a value in every column used " +
                $"({string.Join(", ", used.Select(c => c.Name))}); a missing value is an empty cell, NA or NaN");
        }

        var interesting = rows.Select(selection.Matches).ToArray();
        int selected = interesting.Count(y => y);
        string count = $"{rows.Length.ToString("N0", CultureInfo.InvariantCulture)} case{(rows.Length == 1 ? "" : "s")}";
        if (selected == 0)
            problems.Add($"trustsim: --where: no case is of interest: none of the {count} has {expression}{Ranges(selection, rows)}; choose a looser condition");
        else if (selected == rows.Length)
            problems.Add($"trustsim: --where: every one of the {count} has {expression}{Ranges(selection, rows)}: there is nothing to tell apart; choose a stricter condition");

        var primInputs = new List<PrimInput>();
        foreach (var column in columns)
        {
            var input = categorical.Contains(column.Name) || !column.IsNumeric
                ? PrimInput.Categorical(column.Name, rows.Select(r => column.Texts[r]).ToList())
                : PrimInput.Numeric(column.Name, rows.Select(r => column.Numbers[r]).ToList());
            if (input.IsConstant)
            {
                string value = input.IsCategorical ? $"the category '{Shown(input.Categories[0])}'" : $"the value {input.Min.ToString("R", CultureInfo.InvariantCulture)}";
                problems.Add($"trustsim: --inputs: input '{column.Name}' has {value} in every one of the {count}: there is nothing to restrict; leave it out of --inputs");
            }
            primInputs.Add(input);
        }
        if (problems.Count > 0) return Outcome<Prepared>.Failure(problems);
        return Outcome<Prepared>.Success(new Prepared(new PrimData(primInputs, interesting), rows, table.Rows - rows.Length));
    }

    /// <summary>"; over them x runs from a to b" for each numeric column of the selection, so a condition that misses can be set right.</summary>
    private static string Ranges(CaseSelection selection, int[] rows)
    {
        var parts = selection.Columns.Where(c => c.IsNumeric)
            .Select(c => $"{c.Name} runs from {Number(rows.Min(r => c.Numbers[r]))} to {Number(rows.Max(r => c.Numbers[r]))}").ToList();
        return parts.Count == 0 ? "" : $" (over them {string.Join(", ", parts)})";
    }

    private static string Number(double x) => x.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Line(CaseTable table, int row) => table.Lines[row].ToString(CultureInfo.InvariantCulture);

    private static string Shown(string text)
    {
        string cut = text.Length <= 40 ? text : text[..40] + "...";
        return string.Concat(cut.Select(ch => char.IsControl(ch) ? '?' : ch));
    }
}
