using ContentPipeline.Data;
using ContentPipeline.Subscribers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Admin;

/// <summary>Search, add, import (the CLI's importer) and export subscribers.</summary>
public sealed class SubscribersPage(AppDbContext db, SubscriberRegistry registry, SubscriberImporter importer) : PageModel
{
    private const int MaxUploadBytes = 50_000_000;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public List<Subscriber> Rows { get; private set; } = [];
    public List<(int Line, string Reason)> Invalid { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.Subscribers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLowerInvariant();
            query = query.Where(s => s.NormalizedEmail.Contains(q) || (s.Name != null && s.Name.ToLower().Contains(q)));
        }
        Rows = await query.OrderByDescending(s => s.Id).Take(500).ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAddAsync(string email, string? name, CancellationToken cancellationToken)
    {
        var added = await registry.AddAsync(email, name, "admin", SubscriberStatus.Active, cancellationToken);
        if (added.Error is not null)
        {
            TempData["Note"] = $"Not added: {added.Error}.";
            await OnGetAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Note"] = added.Created ? $"Added {added.Subscriber!.Email}." : $"{added.Subscriber!.Email} is already a subscriber ({added.Subscriber.Status}).";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? csv, CancellationToken cancellationToken)
    {
        if (csv is null || csv.Length == 0 || csv.Length > MaxUploadBytes)
        {
            TempData["Note"] = $"Choose a CSV file of at most {MaxUploadBytes / 1_000_000} MB with an email column.";
            return RedirectToPage();
        }
        using var reader = new StreamReader(csv.OpenReadStream());
        var (report, error) = await importer.ImportAsync(reader, "import", cancellationToken);
        TempData["Note"] = report is null ? $"Nothing imported: {error}."
            : $"{report.Rows} row(s): {report.Added} added, {report.AlreadySubscribed} already subscribed, {report.DuplicatesInFile} duplicate(s) in the file, {report.Invalid.Count} invalid.";
        Invalid = report?.Invalid.Take(50).ToList() ?? [];
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
