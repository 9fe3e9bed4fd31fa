using TrustSim.Reports.Html;

namespace TrustSim.Tests.Reports.Html;

public sealed class HtmlWriterTests
{
    [Fact]
    public void Escape_MarkupCharacters_BecomeEntities()
    {
        Assert.Equal("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;", HtmlWriter.Escape("<script>alert(\"x\")</script> & '"));
    }

    [Fact]
    public void Escape_ControlCharacters_BecomeReplacementCharacters()
    {
        Assert.Equal("a\uFFFDb\uFFFDc\nd\te", HtmlWriter.Escape("a\0b\u001bc\nd\te"));
    }

    [Fact]
    public void Element_TextAndAttributeWithMarkup_StayText()
    {
        var html = new HtmlWriter().Element("p", "<b>bold</b>", ("title", "\"><script>x</script>")).ToString();

        Assert.Equal("<p title=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">&lt;b&gt;bold&lt;/b&gt;</p>", html);
    }

    [Fact]
    public void Open_NullAttribute_IsLeftOut()
    {
        var html = new HtmlWriter();
        using (html.Open("td", ("class", null))) html.Text("1");

        Assert.Equal("<td>1</td>", html.ToString());
    }

    [Theory]
    [InlineData("p onclick=alert(1)")]
    [InlineData("script>")]
    [InlineData("")]
    public void Open_TagThatIsNotAName_Throws(string tag)
    {
        Assert.Throws<ArgumentException>(() => new HtmlWriter().Open(tag));
    }

    [Fact]
    public void Void_AttributeNameThatIsNotAName_Throws()
    {
        Assert.Throws<ArgumentException>(() => new HtmlWriter().Void("img", ("src=x onerror", "alert(1)")));
    }

    [Fact]
    public void ToString_ElementLeftOpen_Throws()
    {
        var html = new HtmlWriter();
        html.Open("section");

        Assert.Throws<InvalidOperationException>(() => html.ToString());
    }
}
