using System.ComponentModel;
using ContentPipeline.Data;
using ContentPipeline.Delivery;
using ContentPipeline.Jobs;
using ContentPipeline.Newsletters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ContentPipeline.Subscribers;

/// <summary>Mails a pending subscriber the double opt-in link. Does nothing once the subscriber is no longer pending.</summary>
[Hangfire.AutomaticRetry(Attempts = PipelineRetry.Attempts, DelaysInSeconds = [30, 120, 600])]
public sealed class SendConfirmationJob(AppDbContext db, ConfirmationTokens tokens, IMailTransport transport, IOptions<NewsletterOptions> options,
    IOptions<SubscribersOptions> subscribers, TimeProvider clock)
{
    [DisplayName("Send confirmation to subscriber #{0}")]
    public async Task RunAsync(long subscriberId, CancellationToken cancellationToken)
    {
        var subscriber = await db.Subscribers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == subscriberId, cancellationToken);
        if (subscriber is not { Status: SubscriberStatus.Pending }) return;
        var o = options.Value;
        var link = o.Link($"confirm/{tokens.Create(subscriberId)}");
        var hours = subscribers.Value.ConfirmationHours;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(o.FromName ?? o.Title, o.FromAddress));
        message.To.Add(new MailboxAddress("", subscriber.Email));
        message.Subject = $"Confirm your subscription to {o.Title}";
        message.Date = clock.GetUtcNow();
        message.MessageId = $"confirm-{subscriberId}.{clock.GetUtcNow().ToUnixTimeSeconds()}@{o.FromAddress[(o.FromAddress.LastIndexOf('@') + 1)..]}";
        message.Body = new BodyBuilder
        {
            TextBody = $"Please confirm that you want to receive {o.Title}:\n\n{link}\n\nThe link works for {hours} hours. If you did not ask for this, ignore this message.\n",
            HtmlBody = $"<p>Please confirm that you want to receive {System.Net.WebUtility.HtmlEncode(o.Title)}.</p>" +
                       $"<p><a href=\"{System.Net.WebUtility.HtmlEncode(link)}\">Confirm my subscription</a></p>" +
                       $"<p>The link works for {hours} hours. If you did not ask for this, ignore this message.</p>",
        }.ToMessageBody();
        using var session = transport.Open(cancellationToken);
        session.Send(OutgoingMessage.For(message), cancellationToken);
    }
}
