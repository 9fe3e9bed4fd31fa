using TrustSim.Analysis.Discovery;

namespace TrustSim.Tests.Analysis.Discovery;

/// <summary>The selection language: what it selects, and where it says an expression is wrong.</summary>
public sealed class CaseSelectionTests
{
    private static readonly CaseTable Table = new("cases.csv",
    [
        new CaseColumn("final_partners_full", ["0.5", "0.3", "0.45", "0.1", ""]),
        new CaseColumn("min_reputation", ["0.2", "0.25", "0.4", "0.1", "0.3"]),
        new CaseColumn("platform.scar", ["0", "0.4", "0.8", "-0.5", "1e-3"]),
        new CaseColumn("mode", ["network", "institution", "network", "institution", "network"]),
        new CaseColumn("mixed", ["1", "2", "three", "4", "5"]),
    ], [2, 3, 4, 5, 6]);

    private static string Hint(string name, IReadOnlyList<string> columns) =>
        columns.FirstOrDefault(c => c.Replace("s", "", StringComparison.Ordinal) == name.Replace("s", "", StringComparison.Ordinal)) is { } near ? $"did you mean '{near}'?" : "no such column";

    private static bool[] Select(string expression)
    {
        var (selection, problem) = CaseSelection.Bind(expression, Table, Hint);
        Assert.True(selection is not null, problem?.Message);
        return Enumerable.Range(0, 4).Select(selection.Matches).ToArray();
    }

    private static ExpressionProblem Problem(string expression)
    {
        var (selection, problem) = CaseSelection.Bind(expression, Table, Hint);
        Assert.Null(selection);
        return problem!;
    }

    [Theory]
    [InlineData("final_partners_full >= 0.4 and min_reputation < 0.3", new[] { true, false, false, false })]
    [InlineData("final_partners_full >= 0.4 or min_reputation < 0.3", new[] { true, true, true, true })]
    [InlineData("not final_partners_full >= 0.4", new[] { false, true, false, true })]
    [InlineData("final_partners_full > 0.4 and (min_reputation < 0.3 or platform.scar == 0.8)", new[] { true, false, true, false })]
    // and binds tighter than or: a or (b and c).
    [InlineData("final_partners_full < 0.2 or final_partners_full > 0.4 and min_reputation >= 0.4", new[] { false, false, true, true })]
    [InlineData("NOT (platform.scar <= 0) AND platform.scar != 0.4", new[] { false, false, true, false })]
    [InlineData("platform.scar < -0.1", new[] { false, false, false, true })]
    [InlineData("0.3 < final_partners_full", new[] { true, false, true, false })]
    [InlineData("final_partners_full > min_reputation", new[] { true, true, true, false })]
    [InlineData("mode == 'network' and `min_reputation` > .3", new[] { false, false, true, false })]
    [InlineData("mode != \"network\"", new[] { false, true, false, true })]
    [InlineData("not not mode == 'institution'", new[] { false, true, false, true })]
    public void Bind_Expression_SelectsTheCasesItDescribes(string expression, bool[] expected) => Assert.Equal(expected, Select(expression));

    [Fact]
    public void Bind_Expression_RecordsEachColumnOnceInOrderOfMention()
    {
        var (selection, _) = CaseSelection.Bind("min_reputation < 0.3 and final_partners_full > min_reputation", Table, Hint);

        Assert.Equal(["min_reputation", "final_partners_full"], selection!.Columns.Select(c => c.Name));
    }

    [Theory]
    [InlineData("final_partner_full >= 0.4", 1, 18, "cases.csv has no column 'final_partner_full'; did you mean 'final_partners_full'?")]
    [InlineData("min_reputation < 0.3 and final_partners_full = 0.4", 46, 1, "write == to test equality")]
    [InlineData("min_reputation < 0.3 && platform.scar > 0", 22, 2, "write 'and' to join conditions, not &&")]
    [InlineData("min_reputation < 0.3 || platform.scar > 0", 22, 2, "write 'or' to join conditions, not ||")]
    [InlineData("min_reputation <> 0.3", 16, 2, "write != for 'differs from'")]
    [InlineData("min_reputation =< 0.3", 16, 2, "write <=, not =<")]
    [InlineData("!(min_reputation < 0.3)", 1, 1, "write 'not' to negate a condition")]
    [InlineData("(min_reputation < 0.3", 1, 1, "this '(' is never closed")]
    [InlineData("min_reputation < 0.3)", 21, 1, "this ')' closes no '('")]
    [InlineData("min_reputation < 0.3 and", 25, 1, "the expression ends where a column name, a number or a quoted text should follow")]
    [InlineData("min_reputation", 15, 1, "the expression ends after 'min_reputation': compare it with")]
    [InlineData("min_reputation 0.3", 16, 3, "expected a comparison (<, <=, >, >=, ==, !=) after 'min_reputation', found '0.3'")]
    [InlineData("0.1 < min_reputation < 0.3", 22, 1, "comparisons do not chain: write '0.1 < min_reputation and min_reputation < ...'")]
    [InlineData("min_reputation < 0.3 min_reputation > 0", 22, 14, "follows a complete condition: join conditions with 'and' or 'or'")]
    [InlineData("min_reputation < 0.3x", 18, 4, "'0.3x' is neither a number nor a column name")]
    [InlineData("min_reputation < 1e999", 18, 5, "1e999 is too large to be a number here")]
    [InlineData("min_reputation < 0.3 # note", 22, 1, "'#' has no meaning here")]
    [InlineData("mode == 'network", 9, 8, "this quoted text is never closed")]
    [InlineData("0.1 < 0.3", 1, 9, "this compares two values: one side must name a column")]
    [InlineData("mode > 'network'", 1, 16, "categories have no order: compare text with == or !=, not >")]
    [InlineData("mode == 'netwrok'", 9, 9, "no case has mode == 'netwrok'; its values are 'institution', 'network'")]
    [InlineData("mode == 1", 1, 4, "column 'mode' holds text, not only numbers (line 2 of cases.csv has 'network')")]
    [InlineData("mixed > 2", 1, 5, "column 'mixed' holds text, not only numbers (line 4 of cases.csv has 'three')")]
    [InlineData("min_reputation == 'high'", 19, 6, "'high' is text, but column 'min_reputation' holds numbers")]
    [InlineData("min_reputation < - mode", 18, 1, "a '-' must be followed by a number")]
    [InlineData("   ", 1, 1, "the expression is empty")]
    [InlineData("and", 1, 3, "expected a column name, a number or a quoted text, found 'and'")]
    public void Bind_BadExpression_LocatesTheProblem(string expression, int column, int length, string message)
    {
        var problem = Problem(expression);

        Assert.Contains(message, problem.Message);
        Assert.Equal((column, length), (problem.Column, problem.Length));
    }

    [Fact]
    public void Lines_Problem_PutsCaretsUnderTheCharactersAtFault()
    {
        var lines = Problem("min_reputation < 0.3 and final_partner_full >= 0.4").Lines("--where", "min_reputation < 0.3 and final_partner_full >= 0.4");

        Assert.Equal(3, lines.Count);
        Assert.StartsWith("trustsim: --where, column 26: cases.csv has no column 'final_partner_full'", lines[0]);
        Assert.Equal("  min_reputation < 0.3 and final_partner_full >= 0.4", lines[1]);
        Assert.Equal("  " + new string(' ', 25) + new string('^', 18), lines[2]);
    }

    [Fact]
    public void Bind_DeeplyNested_RefusedWithoutExhaustingTheStack()
    {
        string expression = new string('(', 100_000) + "min_reputation < 0.3" + new string(')', 100_000);

        Assert.Contains("nested more than 100 deep", Problem(expression).Message);
        Assert.Contains("nested more than 100 deep", Problem(string.Concat(Enumerable.Repeat("not ", 100_000)) + "min_reputation < 0.3").Message);
    }
}
