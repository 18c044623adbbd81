using System.Security.Cryptography;
using System.Text;
using ContentPipeline.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Ingestion;

/// <summary>
/// Cleans a document and stores it as one article, once. The same canonical link or the same cleaned text
/// is the article already stored; nearly the same text (the same story from another feed) is stored as a
/// duplicate linked to the first copy, so it is never summarized or sent.
/// </summary>
public sealed class ArticleStore(AppDbContext db, IOptions<IngestionOptions> options, TimeProvider clock)
{
    public async Task<StoredArticle> StoreAsync(ArticleDocument document, CancellationToken cancellationToken, long? sourceId = null)
    {
        var o = options.Value;
        var text = ArticleCleaner.Clean(document.Text);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        if (words < o.MinWords)
            throw new IngestException(words == 0 ? "no article text found" : $"too little article text ({words} words; at least {o.MinWords} needed)");

        var hash = Hash(text);
        var url = document.Url;
        var existing = await db.Articles.AsNoTracking().Where(a => a.ContentHash == hash || (url != null && a.Url == url))
            .OrderBy(a => a.Id).Select(a => new StoredArticle(a.Id, a.Title, a.Url, false, null)).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null) return existing;

        var now = clock.GetUtcNow().UtcDateTime;
        var signature = NearDuplicates.Signature(text);
        var original = await FirstCopyAsync(signature, now, cancellationToken);
        var article = new Article
        {
            Origin = document.Origin,
            Title = string.IsNullOrWhiteSpace(document.Title) ? null : document.Title.Trim(),
            Url = url,
            Text = text,
            RawText = document.Text,
            ContentHash = hash,
            Status = original is null ? ArticleStatus.New : ArticleStatus.Duplicate,
            DuplicateOfId = original,
            Signature = signature,
            SourceId = sourceId,
            CreatedAt = now,
            PublishedAt = (document.Published ?? clock.GetUtcNow()).UtcDateTime,
        };
        db.Articles.Add(article);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another process may have stored the same text a moment ago; anything else is a real failure.
            db.Entry(article).State = EntityState.Detached;
            var other = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.ContentHash == hash, cancellationToken);
            if (other is null) throw;
            return new StoredArticle(other.Id, other.Title, other.Url, false);
        }
        if (original is null) _recent?.Add((article.Id, signature));
        return new StoredArticle(article.Id, article.Title, article.Url, original is null, original);
    }

    /// <summary>The earliest recent article whose text is nearly the same, following duplicates back to the first copy.</summary>
    private async Task<long?> FirstCopyAsync(byte[] signature, DateTime now, CancellationToken cancellationToken)
    {
        var o = options.Value;
        _recent ??= await LoadRecentAsync(now.AddDays(-o.NearDuplicateWindowDays), cancellationToken);
        foreach (var (id, earlier) in _recent)
            if (NearDuplicates.Similarity(earlier, signature) >= o.NearDuplicateThreshold) return id;
        return null;
    }

    /// <summary>
    /// Recent first copies' signatures, read once per store (one input, one feed poll) and kept up to date as it
    /// stores, so a feed of a hundred items reads them once rather than a hundred times.
    /// </summary>
    private List<(long Id, byte[] Signature)>? _recent;

    private async Task<List<(long Id, byte[] Signature)>> LoadRecentAsync(DateTime since, CancellationToken cancellationToken) =>
        (await db.Articles.AsNoTracking()
            .Where(a => a.CreatedAt >= since && a.Signature != null && a.Status != ArticleStatus.Duplicate)
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.Signature }).ToListAsync(cancellationToken))
        .Select(a => (a.Id, a.Signature!)).ToList();

    private static string Hash(string text)
    {
        var normalized = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }
}
