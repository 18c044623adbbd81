using System.Net;
using ContentPipeline.Data;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Subscribers;

/// <summary>
/// Web sign-up with double opt-in. POST /subscribe adds the address as pending (active when
/// Subscribers:DoubleOptIn is off) and queues a confirmation mail; the answer is the same whether or not
/// the address was known, so the form reveals nobody's subscription. GET /confirm/{token} only shows a
/// button (link scanners confirm nobody); POST /confirm/{token} activates the subscriber.
/// </summary>
public static class SubscribeEndpoints
{
    public static IEndpointRouteBuilder MapSubscribe(this IEndpointRouteBuilder app)
    {
        app.MapGet("/subscribe", () => SubscriberPages.Page(HttpStatusCode.OK, "Subscribe", """
            <form method="post" action="/subscribe">
              <p><label>Email <input type="email" name="email" required></label></p>
              <p><label>Name <input type="text" name="name"></label></p>
              <button type="submit">Subscribe</button>
            </form>
            """));

        app.MapPost("/subscribe", async (HttpRequest request, SubscriberRegistry registry, IOptions<SubscribersOptions> options,
            IBackgroundJobClient jobs, CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync(ct);
            var doubleOptIn = options.Value.DoubleOptIn;
            var added = await registry.AddAsync(form["email"].ToString(), form["name"].ToString(), "web",
                doubleOptIn ? SubscriberStatus.Pending : SubscriberStatus.Active, ct);
            if (added.Error is not null)
                return SubscriberPages.Page(HttpStatusCode.BadRequest, "Not subscribed", $"<p>{WebUtility.HtmlEncode(added.Error)}</p>");
            if (doubleOptIn && added.Subscriber!.Status == SubscriberStatus.Pending)
            {
                var id = added.Subscriber.Id;
                jobs.Enqueue<SendConfirmationJob>(j => j.RunAsync(id, CancellationToken.None));
            }
            return SubscriberPages.Page(HttpStatusCode.OK, doubleOptIn ? "Check your inbox" : "Subscribed", doubleOptIn
                ? "<p>If the address can receive the newsletter, a message with a confirmation link is on its way.</p>"
                : "<p>You are subscribed.</p>");
        }).DisableAntiforgery();

        app.MapGet("/confirm/{token}", (string token, ConfirmationTokens tokens) => tokens.TryRead(token, out _)
            ? SubscriberPages.Page(HttpStatusCode.OK, "Confirm your subscription", $"""
                <form method="post" action="/confirm/{WebUtility.HtmlEncode(token)}">
                  <button type="submit">Yes, subscribe me</button>
                </form>
                """)
            : InvalidLink());

        app.MapPost("/confirm/{token}", async (string token, ConfirmationTokens tokens, SubscriberRegistry registry, CancellationToken ct) =>
            tokens.TryRead(token, out var id) && await registry.ConfirmAsync(id, ct)
                ? SubscriberPages.Page(HttpStatusCode.OK, "Subscribed", "<p>Thank you: your subscription is confirmed.</p>")
                : InvalidLink()).DisableAntiforgery();
        return app;
    }

    private static ContentHttpResult InvalidLink() => SubscriberPages.Page(HttpStatusCode.BadRequest, "Link not valid",
        "<p>This confirmation link is not valid or has expired. Sign up again to get a new one.</p>");
}
