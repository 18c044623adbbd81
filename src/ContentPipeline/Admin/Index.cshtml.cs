using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContentPipeline.Admin;

/// <summary>The admin home is the issue list.</summary>
public sealed class AdminHomePage : PageModel
{
    public IActionResult OnGet() => Redirect("/admin/issues");
}
