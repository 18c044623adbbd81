using ContentPipeline.Hosting;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Episodes.Speech;

/// <summary>
/// With Speech:Enabled=true, a program that is not installed stops the host at start, naming it and its package. A check
/// at start, not an options validator: options are validated again when a job first reads them, and a program removed
/// after the start must fail that episode (with its reason), not the job that carries the issue.
/// </summary>
internal sealed class SpeechCheck(IOptions<SpeechOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.Enabled != true || o.MissingPrograms() is not { Count: > 0 } missing) return Task.CompletedTask;
        throw new StartupException(string.Join(Environment.NewLine, missing.Select(p =>
            $"Speech:Enabled is true but {Path.GetFileName(p.Path)} was not found at {p.Path} ({p.Key}): " +
            $"install it with apt-get install {p.Package}, or set Speech:Enabled=false.")));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
