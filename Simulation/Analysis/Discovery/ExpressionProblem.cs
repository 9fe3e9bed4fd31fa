namespace TrustSim.Analysis.Discovery;

/// <summary>What is wrong with a selection expression and where: the 1-based column of the first character at fault and how many characters.</summary>
internal sealed record ExpressionProblem(int Column, int Length, string Message)
{
    /// <summary>
    /// The problem as the user reads it: "OPTION, column N: message", then the expression and a line of carets
    /// under the characters at fault. Control characters in the expression are shown as '?' so the carets line up.
    /// </summary>
    public IReadOnlyList<string> Lines(string option, string expression)
    {
        string shown = string.Concat(expression.Select(c => char.IsControl(c) ? '?' : c));
        int width = Math.Max(1, Math.Min(Length, shown.Length - Column + 1));
        return [$"trustsim: {option}, column {Column}: {Message}", $"  {shown}", $"  {new string(' ', Column - 1)}{new string('^', width)}"];
    }
}
