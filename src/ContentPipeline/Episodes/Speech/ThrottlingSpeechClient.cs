using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Episodes.Speech;

/// <summary>
/// At most Speech:MaxConcurrency syntheses in flight in this process, and a per-call timeout of Speech:TimeoutSeconds
/// (time spent waiting for a slot does not count against it), as ThrottlingChatClient does for chat.
/// </summary>
public sealed class ThrottlingSpeechClient : DelegatingTextToSpeechClient
{
    private readonly SemaphoreSlim _slots;
    private readonly TimeSpan _timeout;

    public ThrottlingSpeechClient(ITextToSpeechClient inner, IOptions<SpeechOptions> options) : base(inner)
    {
        var o = options.Value;
        _slots = new SemaphoreSlim(o.MaxConcurrency, o.MaxConcurrency);
        _timeout = TimeSpan.FromSeconds(o.TimeoutSeconds);
    }

    public override async Task<TextToSpeechResponse> GetAudioAsync(string text, TextToSpeechOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(_timeout);
            try
            {
                return await base.GetAudioAsync(text, options, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"the voice did not answer within {_timeout.TotalSeconds:0} s");
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _slots.Dispose();
        base.Dispose(disposing);
    }
}
