namespace TrustSim.Analysis.Discovery;

/// <summary>A parsed selection expression: conditions joined by and, or, not. Positions are 0-based into the expression.</summary>
internal abstract record SelectionNode
{
    /// <summary>Both conditions hold.</summary>
    internal sealed record And(SelectionNode Left, SelectionNode Right) : SelectionNode;

    /// <summary>At least one condition holds.</summary>
    internal sealed record Or(SelectionNode Left, SelectionNode Right) : SelectionNode;

    /// <summary>The condition does not hold.</summary>
    internal sealed record Not(SelectionNode Operand) : SelectionNode;

    /// <summary>One comparison: <c>LEFT OP RIGHT</c>, OP one of &lt; &lt;= &gt; &gt;= == !=.</summary>
    internal sealed record Compare(SelectionOperand Left, string Operator, SelectionOperand Right) : SelectionNode;
}

/// <summary>What a comparison compares: a column, a number or a quoted text.</summary>
internal enum OperandKind
{
    Column,
    Number,
    Text,
}

/// <summary>One side of a comparison, with where it stands in the expression.</summary>
internal sealed record SelectionOperand(OperandKind Kind, string Text, double Number, int Position, int Length);
