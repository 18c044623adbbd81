namespace ContentPipeline.Ingestion;

/// <summary>
/// Takes files, folders and web pages. Each input succeeds or fails on its own with a message naming
/// what is wrong; a failed input stores nothing and does not stop the others.
/// </summary>
public sealed class ArticleIngestor(ArticleReader reader, ArticleStore store)
{
    private static readonly string[] Extensions = [".txt", ".md", ".markdown", ".html", ".htm", ".xml", ".rss", ".atom", ".json"];

    /// <summary>One outcome per file; a folder gives one per file inside it.</summary>
    public async IAsyncEnumerable<IngestOutcome> IngestAsync(string input,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(input, UriKind.Absolute, out var uri) && uri.Scheme.Length > 1 && !uri.IsFile)
        {
            yield return await Guard(input, () => reader.ReadUrlAsync(uri, cancellationToken), cancellationToken);
            yield break;
        }
        if (Directory.Exists(input))
        {
            var files = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                .Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0) yield return IngestOutcome.Failed(input, "the folder has no .txt, .md, .html or feed (.xml, .rss, .atom, .json) files");
            foreach (var file in files) yield return await Guard(file, () => reader.ReadFileAsync(file, cancellationToken), cancellationToken);
            yield break;
        }
        yield return File.Exists(input)
            ? await Guard(input, () => reader.ReadFileAsync(input, cancellationToken), cancellationToken)
            : IngestOutcome.Failed(input, "no such file or folder");
    }

    private async Task<IngestOutcome> Guard(string input, Func<Task<ReadResult>> read, CancellationToken cancellationToken)
    {
        try
        {
            var result = await read();
            var stored = new List<StoredArticle>();
            var skipped = result.Skipped.ToList();
            foreach (var document in result.Documents)
            {
                try
                {
                    stored.Add(await store.StoreAsync(document, cancellationToken));
                }
                catch (IngestException e) when (result.Documents.Count > 1)
                {
                    // One bad item does not sink a feed.
                    skipped.Add($"{document.Title ?? document.Url ?? "an item"}: {e.Message}");
                }
            }
            return stored.Count == 0 && skipped.Count > 0
                ? IngestOutcome.Failed(input, "no item could be stored: " + string.Join("; ", skipped))
                : new IngestOutcome(input, stored, null, skipped);
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
}
