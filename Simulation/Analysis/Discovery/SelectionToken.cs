namespace TrustSim.Analysis.Discovery;

/// <summary>The kinds of word in a selection expression.</summary>
internal enum SelectionTokenKind
{
    Number,
    Name,
    Text,
    Comparison,
    Open,
    Close,
    And,
    Or,
    Not,
    Minus,
    End,
}

/// <summary>One word of a selection expression, where it stands (0-based) and how long it is.</summary>
internal sealed record SelectionToken(SelectionTokenKind Kind, string Text, int Position, int Length, double Number = double.NaN);
