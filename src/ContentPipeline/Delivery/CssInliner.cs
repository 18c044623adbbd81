namespace ContentPipeline.Delivery;

/// <summary>
/// Moves the template's &lt;style&gt; rules into style attributes (PreMailer.Net), because many mail clients
/// drop &lt;style&gt; blocks. Media queries stay in a &lt;style&gt; block for the clients that honour them.
/// </summary>
internal static class CssInliner
{
    public static string Inline(string html) =>
        PreMailer.Net.PreMailer.MoveCssInline(html, removeStyleElements: true, removeComments: true, preserveMediaQueries: true).Html;
}
