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

    /// <summary>The error shown under a field (MudBlazor puts the data-field attribute on the input), or null.</summary>
    protected static string? FieldError<T>(IRenderedComponent<T> component, string field) where T : Microsoft.AspNetCore.Components.IComponent =>
        Control(component, field).QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();

    /// <summary>Everything shown around a field: its label, helper text and error.</summary>
    protected static string FieldText<T>(IRenderedComponent<T> component, string field) where T : Microsoft.AspNetCore.Components.IComponent =>
        Control(component, field).TextContent;

    private static AngleSharp.Dom.IElement Control<T>(IRenderedComponent<T> component, string field) where T : Microsoft.AspNetCore.Components.IComponent =>
        component.Find($"[data-field={field}]").Closest(".mud-input-control")
        ?? throw new InvalidOperationException($"{field} is not inside a MudBlazor input control");

    protected static RedirectRule Redirect(string id, string location = "https://example.com/", string path = "/*") =>
        new() { Id = id, Path = path, Location = location, Status = 301 };
}
