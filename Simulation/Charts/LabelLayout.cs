namespace TrustSim.Charts;

/// <summary>A label's box in pixels: left and right edges, and the row (0 at the top) it sits in.</summary>
internal sealed record LabelBox(double Left, double Right, int Row);

/// <summary>
/// Places labels of known pixel widths beside vertical lines at known pixel positions: each label goes
/// just right of its line (or just left of it, where that finds a higher free row or the right edge is
/// near), into the first row from the top where it overlaps no label already placed. Rows are not capped: no two
/// boxes in a row overlap and no box leaves [left, right], whatever the schedule; the caller decides
/// what to do when that takes too many rows.
/// </summary>
internal static class LabelLayout
{
    /// <param name="lines">Pixel x of each label's line.</param>
    /// <param name="widths">Pixel width of each label (at most right - left).</param>
    /// <param name="left">Left edge of the area the labels must stay in.</param>
    /// <param name="right">Right edge of that area.</param>
    /// <param name="offset">Gap between a line and its label.</param>
    /// <param name="gap">Least gap between two labels in a row.</param>
    public static IReadOnlyList<LabelBox> Place(IReadOnlyList<double> lines, IReadOnlyList<double> widths, double left, double right,
        double offset, double gap)
    {
        var rows = new List<List<(double Left, double Right)>>();
        var boxes = new LabelBox[lines.Count];
        foreach (int i in Enumerable.Range(0, lines.Count).OrderBy(i => lines[i]))
        {
            double width = Math.Min(widths[i], right - left);
            // Right of the line reads best; left of it is the fallback, and the one that keeps a row free wins.
            var sides = new[] { lines[i] + offset, lines[i] - offset - width }.Where(s => s >= left && s + width <= right).ToArray();
            var (row, start) = (sides.Length > 0 ? sides : [Math.Clamp(lines[i] + offset, left, right - width)])
                .Select(s => (Row: FirstFree(rows, s, s + width, gap), Start: s))
                .MinBy(c => c.Row);
            if (row == rows.Count) rows.Add([]);
            rows[row].Add((start, start + width));
            boxes[i] = new LabelBox(start, start + width, row);
        }
        return boxes;
    }

    /// <summary>The first row where [from, to] keeps the gap to every box; rows.Count when none does.</summary>
    private static int FirstFree(List<List<(double Left, double Right)>> rows, double from, double to, double gap)
    {
        int row = rows.FindIndex(r => r.All(b => to + gap <= b.Left || b.Right + gap <= from));
        return row < 0 ? rows.Count : row;
    }

    public static int RowsUsed(IReadOnlyList<LabelBox> boxes) => boxes.Count == 0 ? 0 : boxes.Max(b => b.Row) + 1;
}
