using System.Text.RegularExpressions;

namespace TrustSim.Tests.Cookbook;

/// <summary>A picture that README.md or a page under docs/ shows: where it is shown and the file it points at.</summary>
/// <param name="Doc">The showing page, relative to the repository root (e.g. <c>docs/validation.md</c>).</param>
/// <param name="Line">The 1-based line of the reference.</param>
/// <param name="Target">The path as written in the page.</param>
/// <param name="File">The full path it resolves to.</param>
internal sealed partial record DocPicture(string Doc, int Line, string Target, string File)
{
    public static string ImagesFolder => Path.Combine(Paths.RepositoryRoot(), "docs", "images");

    public override string ToString() => $"{Doc}:{Line}: {Target}";

    /// <summary>Every picture shown by README.md and the Markdown pages under docs/, in page and line order.</summary>
    public static IReadOnlyList<DocPicture> All()
    {
        var root = Paths.RepositoryRoot();
        var pages = new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories).Order());
        var pictures = new List<DocPicture>();
        foreach (var page in pages)
        {
            var lines = System.IO.File.ReadAllLines(page);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match m in Reference().Matches(lines[i]))
                {
                    var target = m.Groups["md"].Success ? m.Groups["md"].Value : m.Groups["html"].Value;
                    var file = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, target));
                    pictures.Add(new DocPicture(Path.GetRelativePath(root, page), i + 1, target, file));
                }
            }
        }
        return pictures;
    }

    // Markdown ![alt](path "title") and HTML <img src="path">; links to web addresses are not pictures of ours.
    [GeneratedRegex("""!\[[^\]]*\]\((?<md>(?!https?:)[^)\s]+)[^)]*\)|<img\s[^>]*src="(?<html>(?!https?:)[^"]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex Reference();
}
