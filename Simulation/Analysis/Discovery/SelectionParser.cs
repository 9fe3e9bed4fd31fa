namespace TrustSim.Analysis.Discovery;

/// <summary>
/// A hand-written recursive-descent parser for the selection language. Nothing in the expression is ever
/// run as code: it becomes a tree of comparisons joined by not, and, or (binding in that order of strength,
/// parentheses to group). Grammar:
/// <code>
/// expression := conjunction ('or' conjunction)*
/// conjunction := negation ('and' negation)*
/// negation   := 'not' negation | '(' expression ')' | comparison
/// comparison := operand ('&lt;' | '&lt;=' | '&gt;' | '&gt;=' | '==' | '!=') operand
/// operand    := name | number | '-' number | 'text'
/// </code>
/// </summary>
internal sealed class SelectionParser
{
    /// <summary>Deepest nesting of parentheses and not: far beyond any real condition, far below what would exhaust the stack.</summary>
    private const int MaxDepth = 100;

    private readonly IReadOnlyList<SelectionToken> _tokens;
    private int _at;
    private int _depth;

    private SelectionParser(IReadOnlyList<SelectionToken> tokens) => _tokens = tokens;

    /// <summary>The tree of <paramref name="expression"/>, or the first problem in it, located.</summary>
    public static (SelectionNode? Tree, ExpressionProblem? Problem) Parse(string expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
            return (null, new ExpressionProblem(1, 1, "the expression is empty: give a condition such as final_banks_full >= 0.5"));
        var (tokens, problem) = SelectionLexer.Split(expression);
        if (problem is not null) return (null, problem);
        var parser = new SelectionParser(tokens);
        try
        {
            var tree = parser.Expression();
            var next = parser.Peek;
            if (next.Kind == SelectionTokenKind.Close) throw Problem(next, "this ')' closes no '('");
            if (next.Kind != SelectionTokenKind.End)
                throw Problem(next, $"'{next.Text}' follows a complete condition: join conditions with 'and' or 'or'");
            return (tree, null);
        }
        catch (ProblemException e)
        {
            return (null, e.Problem);
        }
    }

    private SelectionToken Peek => _tokens[_at];

    private SelectionToken Take() => _tokens[_at++];

    private SelectionNode Expression()
    {
        var node = Conjunction();
        while (Peek.Kind == SelectionTokenKind.Or)
        {
            Take();
            node = new SelectionNode.Or(node, Conjunction());
        }
        return node;
    }

    private SelectionNode Conjunction()
    {
        var node = Negation();
        while (Peek.Kind == SelectionTokenKind.And)
        {
            Take();
            node = new SelectionNode.And(node, Negation());
        }
        return node;
    }

    private SelectionNode Negation()
    {
        var token = Peek;
        if (token.Kind is SelectionTokenKind.Not or SelectionTokenKind.Open && ++_depth > MaxDepth)
            throw Problem(token, $"conditions are nested more than {MaxDepth} deep");
        if (token.Kind == SelectionTokenKind.Not)
        {
            Take();
            var negated = new SelectionNode.Not(Negation());
            _depth--;
            return negated;
        }
        if (token.Kind == SelectionTokenKind.Open)
        {
            Take();
            var inside = Expression();
            if (Peek.Kind != SelectionTokenKind.Close)
            {
                throw Peek.Kind == SelectionTokenKind.End
                    ? Problem(token, "this '(' is never closed")
                    : Problem(Peek, $"expected ')' to close the '(' at column {token.Position + 1}, found '{Peek.Text}'");
            }
            Take();
            _depth--;
            return inside;
        }
        return Comparison();
    }

    private SelectionNode Comparison()
    {
        var left = Operand();
        var op = Peek;
        if (op.Kind != SelectionTokenKind.Comparison)
        {
            throw op.Kind == SelectionTokenKind.End
                ? Problem(op, $"the expression ends after '{left.Text}': compare it with <, <=, >, >=, == or != and a value")
                : Problem(op, $"expected a comparison (<, <=, >, >=, ==, !=) after '{left.Text}', found '{op.Text}'");
        }
        Take();
        var right = Operand();
        if (Peek.Kind == SelectionTokenKind.Comparison)
            throw Problem(Peek, $"comparisons do not chain: write '{left.Text} {op.Text} {right.Text} and {right.Text} {Peek.Text} ...'");
        return new SelectionNode.Compare(left, op.Text, right);
    }

    private SelectionOperand Operand()
    {
        var token = Take();
        switch (token.Kind)
        {
            case SelectionTokenKind.Name:
                return new SelectionOperand(OperandKind.Column, token.Text, double.NaN, token.Position, token.Length);
            case SelectionTokenKind.Number:
                return new SelectionOperand(OperandKind.Number, token.Text, token.Number, token.Position, token.Length);
            case SelectionTokenKind.Text:
                return new SelectionOperand(OperandKind.Text, token.Text, double.NaN, token.Position, token.Length);
            case SelectionTokenKind.Minus when Peek.Kind == SelectionTokenKind.Number:
                var number = Take();
                return new SelectionOperand(OperandKind.Number, "-" + number.Text, -number.Number, token.Position, number.Position + number.Length - token.Position);
            case SelectionTokenKind.Minus:
                throw Problem(token, "a '-' must be followed by a number (there is no arithmetic on columns)");
            case SelectionTokenKind.End:
                throw Problem(token, "the expression ends where a column name, a number or a quoted text should follow");
            default:
                throw Problem(token, $"expected a column name, a number or a quoted text, found '{token.Text}'");
        }
    }

    private static ProblemException Problem(SelectionToken token, string message) =>
        new(new ExpressionProblem(token.Position + 1, Math.Max(1, token.Length), message));

    /// <summary>Unwinds the descent to the first problem; never escapes <see cref="Parse"/>.</summary>
    private sealed class ProblemException(ExpressionProblem problem) : Exception(problem.Message)
    {
        public ExpressionProblem Problem { get; } = problem;
    }
}
