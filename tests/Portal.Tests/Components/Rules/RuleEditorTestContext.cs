using Bunit;
using EdgePortal.Portal.Services.Editing;
using EdgePortal.Rules.Document;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EdgePortal.Portal.Tests.Components.Rules;

/// <summary>
/// The shared MudBlazor base plus a draft session in the services, and the dialog and popover providers
/// kept as rendered components so a test can click inside a confirmation.
/// </summary>
public abstract class RuleEditorTestContext : MudTestContext
{
    protected RuleEditorTestContext()
    {
        Services.AddScoped<DraftSession>();
    }

    protected DraftSession Session => Services.GetRequiredService<DraftSession>();

    private IRenderedComponent<MudPopoverProvider>? _popovers;

    /// <summary>The popover provider (menus, selects), rendered once.</summary>
    protected IRenderedComponent<MudPopoverProvider> RenderPopovers() => _popovers ??= Render<MudPopoverProvider>();

    protected IRenderedComponent<MudDialogProvider> RenderDialogs()
    {
        RenderPopovers();
        return Render<MudDialogProvider>();
    }

    /// <summary>A session holding <paramref name="document"/>, validated as the editor would.</summary>
    protected DraftSession Open(RulesDocument document)
    {
        Session.Load(document, RulesDocument.Empty);
        return Session;
    }

    protected static RedirectRule Redirect(string id, string location = "https://example.com/", string path = "/*") =>
        new() { Id = id, Path = path, Location = location, Status = 301 };
}
