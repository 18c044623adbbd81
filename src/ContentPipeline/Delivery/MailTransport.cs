namespace ContentPipeline.Delivery;

/// <summary>
/// Where messages go: a pickup folder or an SMTP server. Synchronous on purpose: a send job runs on its own
/// Hangfire worker thread and one SMTP conversation is a strict request-reply sequence, so blocking I/O on that
/// thread costs far less than hopping through the thread pool for every command and reply. One session per
/// worker; sessions are not shared between threads.
/// </summary>
public interface IMailTransport
{
    IMailSession Open(CancellationToken cancellationToken);
}

public interface IMailSession : IDisposable
{
    void Send(OutgoingMessage message, CancellationToken cancellationToken);
}
