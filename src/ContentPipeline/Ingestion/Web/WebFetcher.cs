using System.Net;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Ingestion.Web;

/// <summary>A fetched document, or NotModified when the server answered a conditional GET with 304.</summary>
public sealed record FetchResult(Uri FinalUri, string? MediaType, string? Charset, byte[] Body, string? ETag, DateTimeOffset? LastModified, bool NotModified);

/// <summary>
/// GETs a page or feed with a deadline, a size cap, a redirect limit (each hop checked: http(s) only, no
/// loops, public addresses only) and optional conditional-GET validators.
/// </summary>
public sealed class WebFetcher(IHttpClientFactory http, IOptions<IngestionOptions> options)
{
    public const string HttpClientName = "ingestion";

    public async Task<FetchResult> GetAsync(Uri uri, string? etag, DateTimeOffset? lastModified, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var client = http.CreateClient(HttpClientName);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(o.FetchTimeoutSeconds));
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var current = uri;
        try
        {
            for (var hop = 0; ; hop++)
            {
                if (current.Scheme is not ("http" or "https")) throw new IngestException($"only http and https URLs are supported, not {current.Scheme}: ({current})");
                if (!visited.Add(current.AbsoluteUri)) throw new IngestException($"redirect loop at {current}");
                if (hop > o.MaxRedirects) throw new IngestException($"more than {o.MaxRedirects} redirects");

                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                if (etag is not null) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                if (lastModified is not null) request.Headers.IfModifiedSince = lastModified;
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                if ((int)response.StatusCode is >= 300 and < 400 && response.StatusCode != HttpStatusCode.NotModified && response.Headers.Location is { } location)
                {
                    current = new Uri(current, location);
                    continue;
                }
                if (response.StatusCode == HttpStatusCode.NotModified)
                    return new FetchResult(current, null, null, [], etag, lastModified, NotModified: true);
                if (!response.IsSuccessStatusCode) throw new IngestException($"the server answered {(int)response.StatusCode} {response.ReasonPhrase}");

                var body = await ReadCappedAsync(response.Content, o.MaxBytes, deadline.Token);
                var type = response.Content.Headers.ContentType;
                return new FetchResult(current, type?.MediaType, type?.CharSet, body, response.Headers.ETag?.ToString(),
                    response.Content.Headers.LastModified, NotModified: false);
            }
        }
        catch (HttpRequestException e)
        {
            throw new IngestException($"could not fetch it: {e.InnerException?.Message ?? e.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IngestException($"no answer within {o.FetchTimeoutSeconds} s");
        }
    }

    private static async Task<byte[]> ReadCappedAsync(HttpContent content, int max, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > max) throw new IngestException($"the response is larger than {max:N0} bytes");
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max) throw new IngestException($"the response is larger than {max:N0} bytes");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
