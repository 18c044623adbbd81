using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ContentPipeline.Ingestion;

/// <summary>
/// HTML to plain text with paragraphs kept, parsed by AngleSharp as a browser would: scripts, styles and page chrome
/// dropped, entities decoded, a line for each block element and for each line break in the text.
/// </summary>
public static class HtmlText
{
    // Nothing in these is the article's text.
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "head", "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form", "iframe",
    };

    // Each of these starts and ends a line.
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "address", "article", "blockquote", "caption", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tr", "ul",
    };

    // A parser may not be shared between threads (its maintainers suggest one per thread); one per call would be built
    // again for every feed item.
    [ThreadStatic] private static HtmlParser? _parser;

    // Comments, script text and source positions are never read here.
    private static HtmlParser Parser => _parser ??= new HtmlParser(new HtmlParserOptions
    {
        SkipComments = true,
        SkipScriptText = true,
        DisableElementPositionTracking = true,
    });

    public static (string? Title, string Text) Extract(string html)
    {
        using var document = Parser.ParseDocument(html);
        var ogTitle = document.QuerySelectorAll("meta[property]")
            .FirstOrDefault(m => string.Equals(m.GetAttribute("property"), "og:title", StringComparison.OrdinalIgnoreCase));
        var title = OneLine(ogTitle?.GetAttribute("content")) ?? OneLine(document.QuerySelector("h1")?.TextContent)
            ?? OneLine(document.QuerySelector("title")?.TextContent);
        var text = Text(document.DocumentElement);
        if (title is not null && text.StartsWith(title, StringComparison.Ordinal))
            text = text[title.Length..].TrimStart('\n');
        return (title, text);
    }

    /// <summary>The main part of a page when it marks one: its first &lt;article&gt;, else &lt;main&gt;; null when it marks neither.</summary>
    public static string? MainPart(string html)
    {
        using var document = Parser.ParseDocument(html);
        return (document.QuerySelector("article") ?? document.QuerySelector("main"))?.InnerHtml;
    }

    /// <summary>The text under an element, one paragraph a line. Walked with a stack, not recursion, so a deep page cannot overflow the call stack.</summary>
    private static string Text(IElement root)
    {
        var text = new Lines();
        var pending = new Stack<(INode Node, bool Closing)>();
        pending.Push((root, false));
        while (pending.TryPop(out var entry))
        {
            var (node, closing) = entry;
            if (node is IText t)
            {
                text.Append(t.Data);
                continue;
            }
            if (node is not IElement element || Dropped.Contains(element.LocalName)) continue;
            var name = element.LocalName;
            if (name == "br" || Blocks.Contains(name)) text.EndLine();
            // Cells of a row are words apart, not glued together.
            else if (name is "td" or "th") text.Append(" ");
            if (closing || element.FirstChild is null) continue;
            pending.Push((node, true));
            // By index: AngleSharp finds a node's PreviousSibling by searching its parent's children.
            var children = node.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--) pending.Push((children[i], false));
        }
        return text.ToString();
    }

    /// <summary>Text as lines without empty ones, each trimmed and with runs of white space made one space.</summary>
    private sealed class Lines
    {
        private readonly StringBuilder _text = new();
        private bool _lineStarted;
        private bool _space;

        public void Append(string data)
        {
            foreach (var c in data)
            {
                if (c == '\n') EndLine();
                else if (char.IsWhiteSpace(c)) _space = _lineStarted;
                else
                {
                    if (_space) _text.Append(' ');
                    _text.Append(c);
                    _lineStarted = true;
                    _space = false;
                }
            }
        }

        public void EndLine()
        {
            if (_lineStarted) _text.Append('\n');
            _lineStarted = _space = false;
        }

        public override string ToString() => _text.ToString().TrimEnd('\n');
    }

    private static string? OneLine(string? text)
    {
        if (text is null) return null;
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length > 0 ? line : null;
    }
}
