using System.Net;
using ContentPipeline.Data;
using Hangfire;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Subscribers;

/// <summary>
/// Web sign-up with double opt-in. The form carries an anti-forgery token and a honeypot field, and sign-ups are
/// rate-limited per client address (Subscribers:SignUpsPerHour). POST /subscribe adds the address as pending (active when
/// Subscribers:DoubleOptIn is off) and queues a confirmation mail; the answer is the same whether or not
/// the address was known, so the form reveals nobody's subscription. GET /confirm/{token} only shows a
/// button (link scanners confirm nobody); POST /confirm/{token} activates the subscriber.
/// </summary>
public static class SubscribeEndpoints
{
    public static IEndpointRouteBuilder MapSubscribe(this IEndpointRouteBuilder app)
    {
        app.MapGet("/subscribe", (HttpContext context, IAntiforgery antiforgery) => Form(context, antiforgery, HttpStatusCode.OK, null));

        app.MapPost("/subscribe", async (HttpContext context, IAntiforgery antiforgery, SubscriberRegistry registry,
            IOptions<SubscribersOptions> options, IBackgroundJobClient jobs, CancellationToken ct) =>
        {
            IFormCollection form;
            try
            {
                if (!await antiforgery.IsRequestValidAsync(context))
                    return Form(context, antiforgery, HttpStatusCode.BadRequest, "The form expired. Please try again.");
                form = await context.Request.ReadFormAsync(ct);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
            {
                return Form(context, antiforgery, HttpStatusCode.BadRequest, "The form is too large: an address has at most 254 characters and a name 200.");
            }
            var doubleOptIn = options.Value.DoubleOptIn;
            var accepted = SubscriberPages.Page(HttpStatusCode.OK, doubleOptIn ? "Check your inbox" : "Subscribed", doubleOptIn
                ? "<p>If the address can receive the newsletter, a message with a confirmation link is on its way.</p>"
                : "<p>You are subscribed.</p>");
            // The honeypot field is hidden from people; a bot that fills it is told it succeeded and nothing happens.
            if (!string.IsNullOrEmpty(form[Honeypot])) return accepted;
            var added = await registry.AddAsync(form["email"].ToString(), form["name"].ToString(), "web",
                doubleOptIn ? SubscriberStatus.Pending : SubscriberStatus.Active, ct);
            if (added.Error is not null) return Form(context, antiforgery, HttpStatusCode.BadRequest, added.Error);
            if (doubleOptIn && added.Subscriber!.Status == SubscriberStatus.Pending
                && await registry.ClaimConfirmationAsync(added.Subscriber.Id, options.Value.ConfirmationResendInterval, ct))
            {
                var id = added.Subscriber.Id;
                jobs.Enqueue<SendConfirmationJob>(j => j.RunAsync(id, CancellationToken.None));
            }
            return accepted;
        }).DisableAntiforgery().RequireRateLimiting(SignUpRateLimit);

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

    public const string SignUpRateLimit = "subscribe";
    private const string Honeypot = "website";

    private static ContentHttpResult Form(HttpContext context, IAntiforgery antiforgery, HttpStatusCode status, string? error)
    {
        var token = antiforgery.GetAndStoreTokens(context);
        return SubscriberPages.Page(status, "Subscribe", $"""
            {(error is null ? "" : $"<p role=\"alert\" style=\"color:#b00020\">{WebUtility.HtmlEncode(error)}</p>")}
            <form method="post" action="/subscribe">
              <input type="hidden" name="{WebUtility.HtmlEncode(token.FormFieldName)}" value="{WebUtility.HtmlEncode(token.RequestToken)}">
              <p><label>Email <input type="email" name="email" required></label></p>
              <p><label>Name <input type="text" name="name"></label></p>
              <p style="position:absolute;left:-10000px" aria-hidden="true"><label>Website <input type="text" name="{Honeypot}" tabindex="-1" autocomplete="off"></label></p>
              <button type="submit">Subscribe</button>
            </form>
            """);
    }

    private static ContentHttpResult InvalidLink() => SubscriberPages.Page(HttpStatusCode.BadRequest, "Link not valid",
        "<p>This confirmation link is not valid or has expired. Sign up again to get a new one.</p>");
}
