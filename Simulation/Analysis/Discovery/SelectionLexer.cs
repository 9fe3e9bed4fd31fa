using System.Globalization;

namespace TrustSim.Analysis.Discovery;

/// <summary>
/// Splits a selection expression into words: numbers, column names (letters, digits, '_' and '.', not
/// starting with a digit; any other name in backquotes), quoted text, the six comparisons, parentheses,
/// and/or/not. The usual slips from other languages (=, &amp;&amp;, ||, !, &lt;&gt;) get a message that says what to write.
/// </summary>
internal static class SelectionLexer
{
    public static (IReadOnlyList<SelectionToken> Tokens, ExpressionProblem? Problem) Split(string expression)
    {
        var tokens = new List<SelectionToken>();
        int i = 0;
        while (i < expression.Length)
        {
            char c = expression[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            int start = i;
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < expression.Length && char.IsAsciiDigit(expression[i + 1])))
            {
                i = NumberEnd(expression, i);
                string text = expression[start..i];
                if (i < expression.Length && (char.IsAsciiLetter(expression[i]) || expression[i] is '_' or '.'))
                {
                    while (i < expression.Length && (char.IsAsciiLetterOrDigit(expression[i]) || expression[i] is '_' or '.')) i++;
                    return Fail(start, i - start, $"'{expression[start..i]}' is neither a number nor a column name (a name cannot start with a digit; " +
                        "put such a name in backquotes: `name`)");
                }
                double number = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
                if (!double.IsFinite(number)) return Fail(start, i - start, $"{text} is too large to be a number here");
                tokens.Add(new SelectionToken(SelectionTokenKind.Number, text, start, i - start, number));
                continue;
            }
            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < expression.Length && (char.IsAsciiLetterOrDigit(expression[i]) || expression[i] is '_' or '.')) i++;
                string word = expression[start..i];
                var kind = word.ToLowerInvariant() switch
                {
                    "and" => SelectionTokenKind.And,
                    "or" => SelectionTokenKind.Or,
                    "not" => SelectionTokenKind.Not,
                    _ => SelectionTokenKind.Name,
                };
                tokens.Add(new SelectionToken(kind, word, start, i - start));
                continue;
            }
            if (c is '`' or '"' or '\'')
            {
                int close = expression.IndexOf(c, i + 1);
                if (close < 0)
                    return Fail(start, expression.Length - start, c == '`' ? "this backquoted name is never closed" : $"this quoted text is never closed (no second {c})");
                string inside = expression[(i + 1)..close];
                if (c == '`' && inside.Length == 0) return Fail(start, 2, "an empty backquoted name");
                tokens.Add(new SelectionToken(c == '`' ? SelectionTokenKind.Name : SelectionTokenKind.Text, inside, start, close + 1 - start));
                i = close + 1;
                continue;
            }
            string two = i + 1 < expression.Length ? expression.Substring(i, 2) : "";
            switch (two)
            {
                case "<=" or ">=" or "==" or "!=":
                    tokens.Add(new SelectionToken(SelectionTokenKind.Comparison, two, start, 2));
                    i += 2;
                    continue;
                case "<>":
                    return Fail(start, 2, "'<>' is not a comparison here: write != for 'differs from'");
                case "&&":
                    return Fail(start, 2, "write 'and' to join conditions, not &&");
                case "||":
                    return Fail(start, 2, "write 'or' to join conditions, not ||");
                case "=<" or "=>":
                    return Fail(start, 2, $"write {two[1]}{two[0]}, not {two}");
            }
            switch (c)
            {
                case '<' or '>':
                    tokens.Add(new SelectionToken(SelectionTokenKind.Comparison, c.ToString(), start, 1));
                    break;
                case '(':
                    tokens.Add(new SelectionToken(SelectionTokenKind.Open, "(", start, 1));
                    break;
                case ')':
                    tokens.Add(new SelectionToken(SelectionTokenKind.Close, ")", start, 1));
                    break;
                case '-':
                    tokens.Add(new SelectionToken(SelectionTokenKind.Minus, "-", start, 1));
                    break;
                case '=':
                    return Fail(start, 1, "write == to test equality (a single = is not a comparison)");
                case '!':
                    return Fail(start, 1, "write 'not' to negate a condition (or != for 'differs from')");
                case '&':
                    return Fail(start, 1, "write 'and' to join conditions, not &");
                case '|':
                    return Fail(start, 1, "write 'or' to join conditions, not |");
                default:
                    return Fail(start, 1, $"'{(char.IsControl(c) ? "?" : c.ToString())}' has no meaning here: an expression holds column names, numbers, " +
                        "quoted text, <, <=, >, >=, ==, !=, and, or, not and parentheses");
            }
            i++;
        }
        tokens.Add(new SelectionToken(SelectionTokenKind.End, "", expression.Length, 1));
        return (tokens, null);
    }

    /// <summary>The end of the number that starts at <paramref name="i"/>: digits, an optional fraction, an optional exponent.</summary>
    private static int NumberEnd(string s, int i)
    {
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        }
        if (i < s.Length && s[i] is 'e' or 'E')
        {
            int j = i + 1;
            if (j < s.Length && s[j] is '+' or '-') j++;
            if (j < s.Length && char.IsAsciiDigit(s[j]))
            {
                while (j < s.Length && char.IsAsciiDigit(s[j])) j++;
                i = j;
            }
        }
        return i;
    }

    private static (IReadOnlyList<SelectionToken>, ExpressionProblem?) Fail(int position, int length, string message) =>
        ([], new ExpressionProblem(position + 1, length, message));
}
