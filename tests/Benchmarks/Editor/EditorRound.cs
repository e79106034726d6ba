using System.Security.Claims;
using Bunit;
using EdgePortal.Portal.Components.Pages.Rules;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Editing;
using EdgePortal.Rules.Document;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace EdgePortal.Benchmarks.Editor;

/// <summary>One circuit's worth: a fresh bUnit context (as a new browser tab gets a new circuit) over shared services.</summary>
internal sealed record EditorRound(Timing Open, Timing Change, Timing Save, double CircuitBytes, double MarkupBytes)
{
    public static async Task<EditorRound> RunAsync(IServiceProvider services, ClaimsPrincipal user, int round)
    {
        using var scope = services.CreateScope();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<IChangeSetService>());
        context.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<ITargetService>());
        context.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<IRevisionService>());
        context.Services.AddRuleEditing();
        var authorization = context.AddAuthorization();
        authorization.SetAuthorized(user.Identity!.Name!).SetRoles("Editor")
            .SetClaims(user.FindFirst(ClaimTypes.NameIdentifier)!);
        context.Render<MudBlazor.MudPopoverProvider>();
        context.Render<MudBlazor.MudDialogProvider>();
        context.Render<MudBlazor.MudSnackbarProvider>();

        var open = new TimingScope();
        var page = context.Render<DraftEditorPage>(p => p.Add(e => e.TargetId, PortalDatabase.LocalTargetId));
        page.WaitForElement("[data-role=draft-tabs]", TimeSpan.FromSeconds(30));
        page.FindAll(".mud-tab").First(t => t.TextContent.Contains("Access", StringComparison.Ordinal)).Click();
        page.WaitForElement("tr[data-rule-id]", TimeSpan.FromSeconds(30));
        open.Stop();
        var markupBytes = page.Markup.Length;

        var session = context.Services.GetRequiredService<DraftSession>();
        var index = 5_000 + round;
        session.Select(RuleSection.Access, index);
        page.WaitForElement("[data-field=path]", TimeSpan.FromSeconds(30));
        var change = new TimingScope();
        page.Find("[data-field=path]").Input($"/titles/{index:00000}-changed/*");
        change.Stop();
        var circuitBytes = GC.GetTotalMemory(forceFullCollection: true) - before;

        var save = new TimingScope();
        page.Find("[data-action=save]").Click();
        page.WaitForElement("[data-role=saved]", TimeSpan.FromSeconds(30));
        save.Stop();
        if (session.Document.Access[index].Path != $"/titles/{index:00000}-changed/*")
        {
            throw new InvalidOperationException("The edit did not reach the draft; the figures would be meaningless.");
        }
        return new EditorRound(open.Value, change.Value, save.Value, circuitBytes, markupBytes);
    }
}
