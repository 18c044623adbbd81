using ContentPipeline.Delivery;
using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentPipeline.Subscribers;

/// <summary>
/// RFC 8058 unsubscribe. GET only shows a page with a button, so link scanners that prefetch unsubscribe
/// nobody; POST (the button, or a mail provider's one-click "List-Unsubscribe=One-Click") acts at once.
/// The token is the capability: it names one subscriber and cannot be forged.
/// </summary>
public static class UnsubscribeEndpoints
{
    public static IEndpointRouteBuilder MapUnsubscribe(this IEndpointRouteBuilder app)
    {
        app.MapGet("/unsubscribe/{token}", (string token, UnsubscribeTokens tokens) =>
            tokens.TryRead(token, out _)
                ? Page(HttpStatusCode.OK, "Unsubscribe", $"""
                    <p>Stop receiving this newsletter?</p>
                    <form method="post" action="/unsubscribe/{WebUtility.HtmlEncode(token)}">
                      <button type="submit" name="confirm" value="yes">Unsubscribe</button>
                    </form>
                    """)
                : InvalidLink());

        app.MapPost("/unsubscribe/{token}", async (string token, UnsubscribeTokens tokens, SubscriberRegistry registry, CancellationToken ct) =>
        {
            if (!tokens.TryRead(token, out var subscriberId) || !await registry.UnsubscribeAsync(subscriberId, ct)) return InvalidLink();
            return Page(HttpStatusCode.OK, "Unsubscribed", "<p>You are unsubscribed and will receive no more issues.</p>");
        }).DisableAntiforgery();
        return app;
    }

    private static ContentHttpResult InvalidLink() =>
        Page(HttpStatusCode.BadRequest, "Link not valid", "<p>This unsubscribe link is not valid. Use the link from your most recent email.</p>");

    private static ContentHttpResult Page(HttpStatusCode status, string title, string body) => SubscriberPages.Page(status, title, body);
}
