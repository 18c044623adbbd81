using ContentPipeline.Ingestion;
using ContentPipeline.Ingestion.Sources;

namespace ContentPipeline.Admin;

public sealed record ArticleRequest(string? Title, string? Url, string? Text, string? Html);
public sealed record SourceRequest(string? Url, bool? FetchFullText);
public sealed record SubscriberRequest(string? Email, string? Name);

/// <summary>The admin JSON API: articles in, subscribers added, sources managed. Admins only (401 without the cookie); bad input gets a 400 naming the problem.</summary>
internal static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(AdminAuthorization.Policy).DisableAntiforgery();

        api.MapPost("/articles", async (ArticleRequest request, ArticleStore store, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Text) == string.IsNullOrWhiteSpace(request.Html))
                return Results.Problem("Give the article as either text or html.", statusCode: StatusCodes.Status400BadRequest);
            if (request.Url is { Length: > 0 } && CanonicalUrl.From(request.Url) is null)
                return Results.Problem($"url '{request.Url}' is not an http(s) URL.", statusCode: StatusCodes.Status400BadRequest);
            var (htmlTitle, text) = request.Text is { } plain ? (null, plain) : HtmlText.Extract(request.Html!);
            try
            {
                var stored = await store.StoreAsync(new ArticleDocument("api", request.Title ?? htmlTitle,
                    request.Url is { Length: > 0 } ? CanonicalUrl.From(request.Url) : null, text), ct);
                return Results.Json(new { stored.Id, stored.Title, stored.Url, created = stored.IsNew, duplicateOf = stored.DuplicateOf },
                    statusCode: stored.IsNew ? StatusCodes.Status201Created : StatusCodes.Status200OK);
            }
            catch (IngestException e)
            {
                return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
            }
        });

        // The same rules as the sign-up form, the CLI, the admin page and CSV import (SubscriberInput); an admin's add is active at once.
        api.MapPost("/subscribers", async (SubscriberRequest request, Subscribers.SubscriberRegistry registry, CancellationToken ct) =>
        {
            var added = await registry.AddAsync(request.Email ?? "", request.Name, "api", Data.SubscriberStatus.Active, ct);
            if (added.Error is not null) return Results.Problem(added.Error, statusCode: StatusCodes.Status400BadRequest);
            var s = added.Subscriber!;
            return Results.Json(new { s.Id, s.Email, s.Name, status = s.Status.ToString().ToLowerInvariant(), created = added.Created },
                statusCode: added.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        });

        api.MapGet("/sources", async (SourceRegistry sources, CancellationToken ct) => (await sources.ListAsync(ct)).Select(s => new
        {
            s.Id, s.Url, s.Title, s.LastFetchedAt, s.LastSuccessAt, s.LastError, s.ConsecutiveFailures, s.NextAttemptAt, s.ArticlesStored,
        }));

        api.MapPost("/sources", async (SourceRequest request, SourceRegistry sources, CancellationToken ct) =>
        {
            var added = await sources.AddAsync(request.Url ?? "", request.FetchFullText, ct);
            if (added.Error is not null) return Results.Problem(added.Error, statusCode: StatusCodes.Status400BadRequest);
            var s = added.Source!;
            return Results.Json(new { s.Id, s.Url, created = added.Created },
                statusCode: added.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        });

        api.MapDelete("/sources/{id:long}", async (long id, SourceRegistry sources, CancellationToken ct) =>
            await sources.RemoveAsync(id, ct) ? Results.NoContent() : Results.NotFound());
        return app;
    }
}
