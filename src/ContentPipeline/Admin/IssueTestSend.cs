using ContentPipeline.Issues;
using ContentPipeline.Data;
using ContentPipeline.Delivery;
using ContentPipeline.Newsletters;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Admin;

/// <summary>
/// "Send a test to me": the issue as a subscriber would get it, to the signed-in admin, through the configured
/// transport. Not a Delivery row, so it never counts as sent and never stops a real send.
/// </summary>
public sealed class IssueTestSend(AppDbContext db, IssueViews views, MessageFactory messages,
    IMailTransport transport, TimeProvider clock)
{
    /// <summary>Null when sent; otherwise why not.</summary>
    public async Task<string?> SendAsync(long issueId, string adminEmail, CancellationToken cancellationToken)
    {
        var issue = await db.Issues.AsNoTracking().SingleOrDefaultAsync(i => i.Id == issueId, cancellationToken);
        if (issue is null) return "there is no such issue";
        if (issue.Html is null) return "the issue is not rendered yet";
        var model = await views.LoadAsync(issueId, issue.CreatedAt, cancellationToken);
        model = model with { Subject = $"[Test] {model.Subject}" };
        // Id 0 names no subscriber: the test copy's unsubscribe link unsubscribes nobody.
        var reader = new Subscriber { Id = 0, Email = adminEmail, NormalizedEmail = adminEmail, Origin = "admin-test" };
        var messageId = $"test-{issueId}.{clock.GetUtcNow().ToUnixTimeMilliseconds()}@{messages.Domain}";
        var message = messages.Create(model, reader, messageId);
        // The transport blocks (it is built for send workers); keep it off the request's thread.
        await Task.Run(() =>
        {
            using var session = transport.Open(cancellationToken);
            session.Send(OutgoingMessage.For(message), cancellationToken);
        }, cancellationToken);
        return null;
    }
}
