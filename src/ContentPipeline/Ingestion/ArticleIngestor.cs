namespace ContentPipeline.Ingestion;

/// <summary>
/// Takes files, folders and web pages. Each input succeeds or fails on its own with a message naming
/// what is wrong; a failed input stores nothing and does not stop the others.
/// </summary>
public sealed class ArticleIngestor(ArticleReader reader, ArticleStore store)
{
    private static readonly string[] Extensions = [".txt", ".md", ".markdown", ".html", ".htm"];

    /// <summary>One outcome per file; a folder gives one per file inside it.</summary>
    public async IAsyncEnumerable<IngestOutcome> IngestAsync(string input,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(input, UriKind.Absolute, out var uri) && uri.Scheme.Length > 1 && !uri.IsFile)
        {
            yield return await Guard(input, () => StoreAsync(reader.ReadUrlAsync(uri, cancellationToken), cancellationToken));
            yield break;
        }
        if (Directory.Exists(input))
        {
            var files = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                .Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0) yield return IngestOutcome.Failed(input, "the folder has no .txt, .md or .html files");
            foreach (var file in files) yield return await Guard(file, () => StoreAsync(reader.ReadFileAsync(file, cancellationToken), cancellationToken));
            yield break;
        }
        yield return File.Exists(input)
            ? await Guard(input, () => StoreAsync(reader.ReadFileAsync(input, cancellationToken), cancellationToken))
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

    private async Task<StoredArticle> StoreAsync(Task<ArticleDocument> reading, CancellationToken cancellationToken)
    {
        var d = await reading;
        return await store.StoreAsync(d.Origin, d.Title, d.Url, d.Text, cancellationToken);
    }
}
