using System.Globalization;

namespace TrustSim.Analysis.Discovery;

/// <summary>
/// A selection expression bound to the columns of a case table: which cases are of interest. Binding
/// checks every name and every comparison against the data (a name that is no column, text compared
/// with a number, a category no case has) and locates each problem in the expression.
/// </summary>
internal sealed class CaseSelection
{
    private readonly Func<int, bool> _test;

    private CaseSelection(Func<int, bool> test, IReadOnlyList<CaseColumn> columns)
    {
        _test = test;
        Columns = columns;
    }

    /// <summary>The columns the expression reads, each once, in order of first mention.</summary>
    public IReadOnlyList<CaseColumn> Columns { get; }

    /// <summary>Whether case <paramref name="row"/> is selected; only for a case with a value in every column of <see cref="Columns"/>.</summary>
    public bool Matches(int row) => _test(row);

    /// <summary>
    /// Parses <paramref name="expression"/> and binds it to <paramref name="table"/>. <paramref name="hint"/> turns a
    /// name that is no column into advice ("did you mean ...?") from the column names.
    /// </summary>
    public static (CaseSelection? Selection, ExpressionProblem? Problem) Bind(string expression, CaseTable table,
        Func<string, IReadOnlyList<string>, string> hint)
    {
        var (tree, problem) = SelectionParser.Parse(expression);
        if (tree is null) return (null, problem);
        var columns = new List<CaseColumn>();
        try
        {
            var test = Compile(tree, table, hint, columns);
            return (new CaseSelection(test, columns), null);
        }
        catch (BindException e)
        {
            return (null, e.Problem);
        }
    }

    private static Func<int, bool> Compile(SelectionNode node, CaseTable table, Func<string, IReadOnlyList<string>, string> hint, List<CaseColumn> used)
    {
        switch (node)
        {
            case SelectionNode.And and:
                var (a1, a2) = (Compile(and.Left, table, hint, used), Compile(and.Right, table, hint, used));
                return row => a1(row) && a2(row);
            case SelectionNode.Or or:
                var (o1, o2) = (Compile(or.Left, table, hint, used), Compile(or.Right, table, hint, used));
                return row => o1(row) || o2(row);
            case SelectionNode.Not not:
                var inner = Compile(not.Operand, table, hint, used);
                return row => !inner(row);
            case SelectionNode.Compare compare:
                return Comparison(compare, table, hint, used);
            default:
                throw new InvalidOperationException($"unknown node {node.GetType().Name}");
        }
    }

    private static Func<int, bool> Comparison(SelectionNode.Compare c, CaseTable table, Func<string, IReadOnlyList<string>, string> hint, List<CaseColumn> used)
    {
        var left = Column(c.Left, table, hint, used);
        var right = Column(c.Right, table, hint, used);
        if (left is null && right is null)
            throw Problem(c.Left, c.Right.Position + c.Right.Length - c.Left.Position, "this compares two values: one side must name a column");
        bool leftText = left is { IsNumeric: false } || c.Left.Kind == OperandKind.Text;
        bool rightText = right is { IsNumeric: false } || c.Right.Kind == OperandKind.Text;
        if (leftText != rightText)
        {
            var (textSide, numberSide, textColumn) = leftText ? (c.Left, c.Right, left) : (c.Right, c.Left, right);
            if (textColumn is { } holdsText)
            {
                string at = $"line {table.Lines[holdsText.FirstText].ToString(CultureInfo.InvariantCulture)} of {table.Source} has '{Shown(holdsText.Texts[holdsText.FirstText])}'";
                throw Problem(textSide, textSide.Length, $"column '{holdsText.Name}' holds text, not only numbers ({at}), so it cannot be compared " +
                    $"with {(numberSide.Kind == OperandKind.Column ? $"the numbers of '{numberSide.Text}'" : "a number")}; compare it with a quoted category");
            }
            throw Problem(textSide, textSide.Length, $"'{textSide.Text}' is text, but {(numberSide.Kind == OperandKind.Column ? $"column '{numberSide.Text}' holds numbers" : "the other side is a number")}");
        }
        if (leftText)
        {
            if (c.Operator is not ("==" or "!="))
                throw Problem(c.Left, c.Right.Position + c.Right.Length - c.Left.Position, $"categories have no order: compare text with == or !=, not {c.Operator}");
            CheckCategory(c.Left, left, c.Right, right);
            CheckCategory(c.Right, right, c.Left, left);
            Func<int, string> l = Text(c.Left, left), r = Text(c.Right, right);
            return c.Operator == "==" ? row => l(row) == r(row) : row => l(row) != r(row);
        }
        Func<int, double> x = Number(c.Left, left), y = Number(c.Right, right);
        return c.Operator switch
        {
            "<" => row => x(row) < y(row),
            "<=" => row => x(row) <= y(row),
            ">" => row => x(row) > y(row),
            ">=" => row => x(row) >= y(row),
            "==" => row => x(row) == y(row),
            _ => row => x(row) != y(row),
        };
    }

    /// <summary>The column an operand names (recorded as used), null for a number or a text, or the problem of a name that is no column.</summary>
    private static CaseColumn? Column(SelectionOperand operand, CaseTable table, Func<string, IReadOnlyList<string>, string> hint, List<CaseColumn> used)
    {
        if (operand.Kind != OperandKind.Column) return null;
        var column = table.Find(operand.Text)
            ?? throw Problem(operand, operand.Length, $"{table.Source} has no column '{operand.Text}'; {hint(operand.Text, table.Columns.Select(x => x.Name).ToList())}");
        if (!used.Contains(column)) used.Add(column);
        return column;
    }

    /// <summary>A quoted category compared with a column must be one some case has, or the condition is a silent typo.</summary>
    private static void CheckCategory(SelectionOperand literal, CaseColumn? literalColumn, SelectionOperand other, CaseColumn? column)
    {
        if (literalColumn is not null || column is null || column.Texts.Contains(literal.Text)) return;
        var values = column.Texts.Where(t => t.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        throw Problem(literal, literal.Length, $"no case has {other.Text} == '{Shown(literal.Text)}'; its values are " +
            string.Join(", ", values.Take(8).Select(v => $"'{Shown(v)}'")) + (values.Count > 8 ? $" and {values.Count - 8} more" : ""));
    }

    private static Func<int, double> Number(SelectionOperand operand, CaseColumn? column)
    {
        if (column is null)
        {
            double value = operand.Number;
            return _ => value;
        }
        var values = column.Numbers;
        return row => values[row];
    }

    private static Func<int, string> Text(SelectionOperand operand, CaseColumn? column)
    {
        if (column is null)
        {
            string value = operand.Text;
            return _ => value;
        }
        var values = column.Texts;
        return row => values[row];
    }

    private static string Shown(string text)
    {
        string cut = text.Length <= 40 ? text : text[..40] + "...";
        return string.Concat(cut.Select(ch => char.IsControl(ch) ? '?' : ch));
    }

    private static BindException Problem(SelectionOperand at, int length, string message) =>
        new(new ExpressionProblem(at.Position + 1, Math.Max(1, length), message));

    private sealed class BindException(ExpressionProblem problem) : Exception(problem.Message)
    {
        public ExpressionProblem Problem { get; } = problem;
    }
}
