using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentPipeline.Ingestion;

/// <summary>Titles and text from .txt and .md files.</summary>
public static class PlainText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    /// <summary>
    /// A .txt file's first line is its title when a blank line follows it and it reads like a headline:
    /// short and without a sentence's closing punctuation.
    /// </summary>
    public static (string? Title, string Text) FromText(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var first = lines[0].Trim();
        var blankFollows = lines.Length > 1 && lines[1].Trim().Length == 0;
        if (blankFollows && first.Length is > 0 and <= 150 && !".!?\"”’:;,".Contains(first[^1]))
            return (first, string.Join("\n", lines.Skip(2)).Trim());
        return (null, text.Trim());
    }

    /// <summary>
    /// Markdown (CommonMark, parsed by Markdig): a leading level-1 heading is the title; the rest is plain text, links
    /// keep their text, images go, and each top-level block is a paragraph with a blank line after it.
    /// </summary>
    public static (string? Title, string Text) FromMarkdown(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        // An image's alt text would land in the middle of a sentence.
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage).ToList()) image.Remove();
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        Pipeline.Setup(renderer);
        string Text(Block block)
        {
            // Markdig's text rendering keeps an HTML block as it is; its text is what the article says.
            if (block is HtmlBlock html) return HtmlText.Extract(html.Lines.ToString()).Text;
            writer.GetStringBuilder().Clear();
            renderer.Render(block);
            return writer.ToString().Trim();
        }
        var title = document.FirstOrDefault() is HeadingBlock { Level: 1 } heading ? Text(heading) : null;
        var paragraphs = document.Skip(title is null ? 0 : 1).Select(Text).Where(t => t.Length > 0).ToList();
        return (title is { Length: > 0 } ? title : null, string.Join("\n\n", paragraphs));
    }
}
