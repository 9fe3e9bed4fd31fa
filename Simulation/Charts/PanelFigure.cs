using ScottPlot;

namespace TrustSim.Charts;

/// <summary>
/// A figure of panels in a grid under one title, with footnotes under it all: the posterior charts'
/// marginals, corner plot, traces and profiles. Empty cells (null panels) stay blank, so a corner plot
/// keeps its triangle.
/// </summary>
internal static class PanelFigure
{
    /// <summary>The grid's unit: strips and panels are whole multiples of it.</summary>
    private const int Unit = 10;
    private const int TitleUnits = 4;
    private const int NoteUnitsPerLine = 2;

    /// <param name="firstColumnExtra">Pixels the first column is wider than the others (room for the row labels its panels carry).</param>
    /// <param name="lastRowExtra">Pixels the last row is taller than the others (room for the column labels its panels carry).</param>
    public static ChartImage Export(string title, IReadOnlyList<Plot?> cells, int rows, int columns, IReadOnlyList<string> notes, int width, int height,
        int firstColumnExtra = 0, int lastRowExtra = 0)
    {
        var font = ChartFont.Ensure();
        int totalRows = height / Unit, totalColumns = width / Unit;
        var noteUnits = notes.Count == 0 ? 0 : NoteUnitsPerLine * notes.Count + 1;
        int rowExtra = lastRowExtra / Unit, columnExtra = firstColumnExtra / Unit;
        var panelRows = (totalRows - TitleUnits - noteUnits - rowExtra) / rows;
        var panelColumns = (totalColumns - columnExtra) / columns;
        var layout = new ScottPlot.MultiplotLayouts.CustomGrid();
        var plots = new List<Plot>();
        try
        {
            var header = Strip(font, [title], 18, Alignment.MiddleCenter, Colors.Black);
            plots.Add(header);
            layout.Set(header, new GridCell(0, 0, totalRows, 1, TitleUnits, 1));
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    var panel = r * columns + c < cells.Count ? cells[r * columns + c] : null;
                    panel ??= Strip(font, [], 12, Alignment.MiddleCenter, Colors.Black);
                    plots.Add(panel);
                    int top = TitleUnits + r * panelRows, left = c == 0 ? 0 : columnExtra + c * panelColumns;
                    // The last row and column take what the division leaves over: a cell left uncovered is transparent,
                    // which an SVG viewer paints black.
                    int tall = r == rows - 1 ? totalRows - noteUnits - top : panelRows;
                    int wide = c == columns - 1 ? totalColumns - left : panelColumns + (c == 0 ? columnExtra : 0);
                    layout.Set(panel, new GridCell(top, left, totalRows, totalColumns, tall, wide));
                }
            }
            if (notes.Count > 0)
            {
                var footer = Strip(font, notes, 12, Alignment.MiddleLeft, ChartStyle.Grey);
                plots.Add(footer);
                layout.Set(footer, new GridCell(totalRows - noteUnits, 0, totalRows, 1, noteUnits, 1));
            }
            return ChartStyle.Export(plots, layout, width, height);
        }
        finally
        {
            foreach (var plot in plots) plot.Dispose();
            foreach (var cell in cells) cell?.Dispose();
        }
    }

    /// <summary>A plot with no axes that only shows lines of text: the title, the footnotes, a blank cell.</summary>
    private static Plot Strip(string font, IReadOnlyList<string> lines, float size, Alignment alignment, Color color)
    {
        var plot = new Plot();
        plot.Font.Set(font);
        plot.Layout.Frameless();
        plot.HideGrid();
        plot.Axes.SetLimits(0, 1, 0, 1);
        for (var i = 0; i < lines.Count; i++)
        {
            var x = alignment == Alignment.MiddleLeft ? 0.01 : 0.5;
            var y = lines.Count == 1 ? 0.5 : 1 - (i + 1.0) / (lines.Count + 1);
            var text = plot.Add.Text(lines[i], x, y);
            text.LabelFontSize = size;
            text.LabelFontName = font;
            text.LabelFontColor = color;
            text.LabelAlignment = alignment;
        }
        return plot;
    }
}
