namespace TrustSim.Reports.Html;

/// <summary>One chart of the folder as the page shows it.</summary>
/// <param name="FileName">The SVG's name inside charts/, e.g. "reputation.svg".</param>
/// <param name="Title">A few words for the page's list of charts.</param>
/// <param name="Caption">What the chart shows, in a sentence.</param>
/// <param name="Svg">The SVG file's bytes, checked to be a whole SVG drawing; null when the file is missing.</param>
/// <param name="Width">The drawing's width in CSS pixels (from its svg element).</param>
/// <param name="Height">The drawing's height in CSS pixels.</param>
internal sealed record ReportChart(string FileName, string Title, string Caption, byte[]? Svg, int Width, int Height);
