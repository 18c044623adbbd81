using ContentPipeline.Data;
using ContentPipeline.Ingestion.Sources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContentPipeline.Admin;

/// <summary>The feeds poll-feeds fetches: last fetch, errors; add and remove (the same registry as `sources`).</summary>
public sealed class SourcesPage(SourceRegistry sources) : PageModel
{
    public List<Source> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await sources.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(string url, bool fetchFullText, CancellationToken cancellationToken)
    {
        var added = await sources.AddAsync(url, fetchFullText, cancellationToken);
        TempData["Note"] = added.Error ?? (added.Created ? $"Added {added.Source!.Url}." : $"{added.Source!.Url} was already a source.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(long id, CancellationToken cancellationToken)
    {
        TempData["Note"] = await sources.RemoveAsync(id, cancellationToken) ? $"Removed source {id}; its articles stay." : $"There is no source {id}.";
        return RedirectToPage();
    }
}
