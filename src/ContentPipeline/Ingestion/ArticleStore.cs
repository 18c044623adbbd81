using System.Security.Cryptography;
using System.Text;
using ContentPipeline.Data;
using ContentPipeline.Summaries.Extractive;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Ingestion;

/// <summary>Cleans a document and stores it as one article, once: the same cleaned text is recognised by its hash.</summary>
public sealed class ArticleStore(AppDbContext db, IOptions<IngestionOptions> options, TimeProvider clock)
{
    public async Task<StoredArticle> StoreAsync(ArticleDocument document, CancellationToken cancellationToken)
    {
        var (origin, title, url, rawText) = (document.Origin, document.Title, document.Url, document.Text);
        var text = ArticleCleaner.Clean(rawText);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        if (words < options.Value.MinWords)
            throw new IngestException(words == 0 ? "no article text found" : $"too little article text ({words} words; at least {options.Value.MinWords} needed)");

        var hash = Hash(text);
        var existing = await db.Articles.AsNoTracking().Where(a => a.ContentHash == hash || (url != null && a.Url == url))
            .Select(a => new StoredArticle(a.Id, a.Title, a.Url, false)).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null) return existing;

        var article = new Article
        {
            Origin = origin,
            Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim(),
            Url = url,
            Text = text,
            RawText = rawText,
            ContentHash = hash,
            Status = ArticleStatus.New,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
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
        return new StoredArticle(article.Id, article.Title, article.Url, true);
    }

    private static string Hash(string text)
    {
        var normalized = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }
}
