namespace ContentPipeline.Delivery;

/// <summary>Where messages go: a pickup folder or an SMTP server. One session per worker; sessions are not shared between threads.</summary>
public interface IMailTransport
{
    Task<IMailSession> OpenAsync(CancellationToken cancellationToken);
}

public interface IMailSession : IAsyncDisposable
{
    Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}
