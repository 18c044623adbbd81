using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;

namespace ContentPipeline.Delivery;

/// <summary>
/// What a failed send means: retry later (4xx, dropped connection) or give up (5xx). HardBounce marks a
/// permanent refusal of the recipient itself, which counts towards marking the subscriber bounced.
/// </summary>
public sealed record SendFailure(bool Temporary, bool ConnectionLost, string Reason, bool HardBounce = false)
{
    /// <summary>Null for exceptions that are not about sending (bugs): those reach Hangfire.</summary>
    public static SendFailure? Classify(Exception e) => e switch
    {
        // MailKit reports 451 and 550 to RCPT alike as RecipientNotAccepted: the status code tells them apart.
        SmtpCommandException c => new((int)c.StatusCode is >= 400 and < 500, c.StatusCode == SmtpStatusCode.ServiceNotAvailable,
            $"{(int)c.StatusCode} {c.Message}".Trim(),
            HardBounce: c.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)c.StatusCode is >= 500 and < 600),
        SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException
            => new(true, true, $"connection: {e.Message}"),
        TimeoutException or OperationCanceledException => new(true, true, "the server did not answer in time"),
        _ => null,
    };
}
