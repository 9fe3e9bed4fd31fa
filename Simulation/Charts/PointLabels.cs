using ScottPlot;

namespace TrustSim.Charts;

/// <summary>
/// Names beside points of a scatter (a Morris chart's parameters): each label tries eight places
/// around its point, nearest first, and takes the first that overlaps no label or point already
/// placed and stays inside the data area; when none is free it takes the place it overlaps least.
/// </summary>
internal static class PointLabels
{
    private const float FontSize = 12;
    private const float Padding = 2;
    private const double Gap = 6;
    private const double PointRadius = 6;

    /// <summary>A box in pixels.</summary>
    internal readonly record struct Box(double Left, double Top, double Right, double Bottom)
    {
        public double Overlap(Box other) =>
            Math.Max(0, Math.Min(Right, other.Right) - Math.Max(Left, other.Left)) * Math.Max(0, Math.Min(Bottom, other.Bottom) - Math.Max(Top, other.Top));
    }

    /// <summary>Places boxes of the given sizes beside the given points; pure, so it can be tested on numbers.</summary>
    public static IReadOnlyList<Box> Place(IReadOnlyList<(double X, double Y)> points, IReadOnlyList<(double Width, double Height)> sizes, Box area)
    {
        var taken = points.Select(p => new Box(p.X - PointRadius, p.Y - PointRadius, p.X + PointRadius, p.Y + PointRadius)).ToList();
        var placed = new Box[points.Count];
        for (int i = 0; i < points.Count; i++)
        {
            var (x, y) = points[i];
            var (w, h) = sizes[i];
            Box[] candidates =
            [
                new(x + Gap, y - h - Gap / 2, x + Gap + w, y - Gap / 2), // right, above
                new(x + Gap, y + Gap / 2, x + Gap + w, y + Gap / 2 + h), // right, below
                new(x - Gap - w, y - h - Gap / 2, x - Gap, y - Gap / 2), // left, above
                new(x - Gap - w, y + Gap / 2, x - Gap, y + Gap / 2 + h), // left, below
                new(x + Gap, y - h / 2, x + Gap + w, y + h / 2), // right
                new(x - Gap - w, y - h / 2, x - Gap, y + h / 2), // left
                new(x - w / 2, y - Gap - h, x + w / 2, y - Gap), // above
                new(x - w / 2, y + Gap, x + w / 2, y + Gap + h), // below
            ];
            var inside = candidates.Where(c => c.Left >= area.Left && c.Right <= area.Right && c.Top >= area.Top && c.Bottom <= area.Bottom).ToArray();
            var pool = inside.Length > 0 ? inside : candidates;
            var best = pool.MinBy(c => taken.Sum(t => t.Overlap(c)));
            placed[i] = best;
            taken.Add(best);
        }
        return placed;
    }

    /// <summary>Draws <paramref name="names"/> beside the points at data coordinates <paramref name="at"/>; call once limits are set.</summary>
    public static IReadOnlyList<Box> Draw(Plot plot, IReadOnlyList<(double X, double Y)> at, IReadOnlyList<string> names)
    {
        plot.RenderInMemory(ChartStyle.Width, ChartStyle.Height);
        PixelRect rect = plot.LastRender.DataRect;
        var pixels = at.Select(p => plot.GetPixel(new Coordinates(p.X, p.Y))).Select(p => ((double)p.X, (double)p.Y)).ToList();
        var sizes = ChartFont.LabelWidths(names, FontSize, Padding).Select(w => (w, (double)FontSize + 2 * Padding + 4)).ToList();
        var boxes = Place(pixels, sizes, new Box(rect.Left, rect.Top, rect.Right, rect.Bottom));
        for (int i = 0; i < names.Count; i++)
        {
            var label = plot.Add.Text(names[i], at[i].X, at[i].Y);
            label.LabelFontSize = FontSize;
            label.LabelPadding = Padding;
            label.LabelBackgroundColor = Colors.White.WithAlpha(0.8);
            label.Alignment = Alignment.UpperLeft;
            label.OffsetX = (float)(boxes[i].Left - pixels[i].Item1);
            label.OffsetY = (float)(boxes[i].Top - pixels[i].Item2);
        }
        return boxes;
    }
}
