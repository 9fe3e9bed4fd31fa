using System.Text;
using System.Text.RegularExpressions;

namespace TrustSim.Reports.Html;

/// <summary>
/// Builds an HTML document in which every piece of text is escaped on the way in. Tag and attribute names
/// come only from the tool's own code (checked to be plain names), and attribute values and text content
/// always pass through <see cref="Escape"/>: a scenario label or an institution name such as
/// <c>&lt;script&gt;</c> can only ever become text on the page, never markup.
/// </summary>
internal sealed partial class HtmlWriter
{
    private readonly StringBuilder _html = new();
    private readonly Stack<string> _open = new();

    /// <summary>The document so far; every element opened must have been closed.</summary>
    public override string ToString() =>
        _open.Count == 0 ? _html.ToString() : throw new InvalidOperationException($"<{_open.Peek()}> is still open");

    /// <summary>Text with the five characters that mean something in HTML replaced by their entities, and control characters by U+FFFD.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '"': escaped.Append("&quot;"); break;
                case '\'': escaped.Append("&#39;"); break;
                // Control characters have no place in a page (a NUL even ends some readers' text): shown as the replacement character.
                case var control when char.IsControl(control) && control is not ('\n' or '\t' or '\r'): escaped.Append('\uFFFD'); break;
                default: escaped.Append(c); break;
            }
        }
        return escaped.ToString();
    }

    /// <summary>The doctype line; written once, first.</summary>
    public HtmlWriter Doctype()
    {
        _html.Append("<!DOCTYPE html>\n");
        return this;
    }

    /// <summary>Opens <paramref name="tag"/> with its attributes (a null value leaves the attribute out); dispose the result to close it.</summary>
    public Closer Open(string tag, params (string Name, string? Value)[] attributes)
    {
        StartTag(tag, attributes);
        _open.Push(tag);
        return new Closer(this, tag);
    }

    /// <summary>An element holding only <paramref name="text"/> (escaped).</summary>
    public HtmlWriter Element(string tag, string text, params (string Name, string? Value)[] attributes)
    {
        StartTag(tag, attributes);
        _html.Append(Escape(text)).Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element with no content and no end tag (meta, img, br).</summary>
    public HtmlWriter Void(string tag, params (string Name, string? Value)[] attributes)
    {
        StartTag(tag, attributes);
        return this;
    }

    /// <summary>Text (escaped) inside the element that is open.</summary>
    public HtmlWriter Text(string text)
    {
        _html.Append(Escape(text));
        return this;
    }

    /// <summary>A line break in the source, so the file reads well in an editor and diffs line by line.</summary>
    public HtmlWriter Line()
    {
        _html.Append('\n');
        return this;
    }

    /// <summary>
    /// The page's own style sheet, the one piece written unescaped: it is a constant of the tool (no file's
    /// text reaches it: it takes no argument), and CSS inside &lt;style&gt; must not be entity-escaped.
    /// </summary>
    public HtmlWriter StyleSheet()
    {
        _html.Append("<style>").Append(ReportStyle.Css).Append("</style>");
        return this;
    }

    private void StartTag(string tag, (string Name, string? Value)[] attributes)
    {
        if (!Name().IsMatch(tag)) throw new ArgumentException($"'{tag}' is not a tag name", nameof(tag));
        _html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (!Name().IsMatch(name)) throw new ArgumentException($"'{name}' is not an attribute name", nameof(attributes));
            if (value is null) continue;
            _html.Append(' ').Append(name).Append("=\"").Append(Escape(value)).Append('"');
        }
        _html.Append('>');
    }

    private void Close(string tag)
    {
        if (_open.Count == 0 || _open.Peek() != tag) throw new InvalidOperationException($"</{tag}> does not close the element that is open");
        _open.Pop();
        _html.Append("</").Append(tag).Append('>');
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex Name();

    /// <summary>Closes the element it was made for.</summary>
    internal readonly struct Closer(HtmlWriter writer, string tag) : IDisposable
    {
        public void Dispose() => writer.Close(tag);
    }
}
