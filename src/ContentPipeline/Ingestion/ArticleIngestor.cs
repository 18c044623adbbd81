using System.Text;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Ingestion;

/// <summary>
/// Takes files, folders and web pages. Each input succeeds or fails on its own with a message naming
/// what is wrong; a failed input stores nothing and does not stop the others.
/// </summary>
public sealed class ArticleIngestor(ArticleStore store, IHttpClientFactory http, IOptions<IngestionOptions> options)
{
    public const string HttpClientName = "ingestion";
    private static readonly string[] Extensions = [".txt", ".md", ".markdown", ".html", ".htm"];

    /// <summary>One outcome per file; a folder gives one per file inside it.</summary>
    public async IAsyncEnumerable<IngestOutcome> IngestAsync(string input,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(input, UriKind.Absolute, out var uri) && uri.Scheme.Length > 1 && !uri.IsFile)
        {
            yield return await Guard(input, () => FromUrlAsync(uri, cancellationToken));
            yield break;
        }
        if (Directory.Exists(input))
        {
            var files = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                .Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0) yield return IngestOutcome.Failed(input, "the folder has no .txt, .md or .html files");
            foreach (var file in files) yield return await Guard(file, () => FromFileAsync(file, cancellationToken));
            yield break;
        }
        yield return File.Exists(input)
            ? await Guard(input, () => FromFileAsync(input, cancellationToken))
            : IngestOutcome.Failed(input, "no such file or folder");
    }

    private static async Task<IngestOutcome> Guard(string input, Func<Task<StoredArticle>> ingest)
    {
        try
        {
            return new IngestOutcome(input, [await ingest()], null);
        }
        catch (IngestException e)
        {
            return IngestOutcome.Failed(input, e.Message);
        }
        catch (IOException e)
        {
            return IngestOutcome.Failed(input, $"cannot read it: {e.Message}");
        }
        catch (UnauthorizedAccessException)
        {
            return IngestOutcome.Failed(input, "permission denied");
        }
    }

    private async Task<StoredArticle> FromFileAsync(string path, CancellationToken cancellationToken)
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
        return await store.StoreAsync(Path.GetFullPath(path), title, null, body, cancellationToken);
    }

    private async Task<StoredArticle> FromUrlAsync(Uri uri, CancellationToken cancellationToken)
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
            return await store.StoreAsync(uri.AbsoluteUri, title, uri.AbsoluteUri, body, cancellationToken);
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
