using Microsoft.Extensions.Options;

namespace ContentPipeline.Ingestion;

/// <summary>A document read from a file or a page: its title, if it has one, and its text.</summary>
public sealed record ArticleDocument(string Origin, string? Title, string? Url, string Text);

/// <summary>Reads files and web pages into documents; anything unusable is an IngestException that says why.</summary>
public sealed class ArticleReader(IHttpClientFactory http, IOptions<IngestionOptions> options)
{
    public const string HttpClientName = "ingestion";

    public async Task<ArticleDocument> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (info.Length == 0) throw new IngestException("the file is empty");
        if (info.Length > options.Value.MaxBytes) throw new IngestException($"the file is larger than {options.Value.MaxBytes:N0} bytes");
        var text = TextDecoding.Decode(await File.ReadAllBytesAsync(path, cancellationToken), charset: null);
        var (title, body) = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".html" or ".htm" => HtmlText.Extract(text),
            ".md" or ".markdown" => PlainText.FromMarkdown(text),
            _ => PlainText.FromText(text),
        };
        return new ArticleDocument(Path.GetFullPath(path), title, null, body);
    }

    public async Task<ArticleDocument> ReadUrlAsync(Uri uri, CancellationToken cancellationToken)
    {
        if (uri.Scheme is not ("http" or "https")) throw new IngestException($"only http and https URLs are supported, not {uri.Scheme}:");
        var client = http.CreateClient(HttpClientName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.FetchTimeoutSeconds));
        try
        {
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
                throw new IngestException($"the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
            var media = response.Content.Headers.ContentType?.MediaType ?? "text/html";
            if (media is not ("text/html" or "application/xhtml+xml" or "text/plain" or "text/markdown"))
                throw new IngestException($"unsupported content type {media}");
            var bytes = await ReadCappedAsync(response.Content, timeout.Token);
            var text = TextDecoding.Decode(bytes, response.Content.Headers.ContentType?.CharSet);
            var (title, body) = media == "text/plain" ? PlainText.FromText(text)
                : media == "text/markdown" ? PlainText.FromMarkdown(text) : HtmlText.Extract(text);
            return new ArticleDocument(uri.AbsoluteUri, title, uri.AbsoluteUri, body);
        }
        catch (HttpRequestException e)
        {
            throw new IngestException($"could not fetch it: {e.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IngestException($"no answer within {options.Value.FetchTimeoutSeconds} s");
        }
    }

    private async Task<byte[]> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxBytes;
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
