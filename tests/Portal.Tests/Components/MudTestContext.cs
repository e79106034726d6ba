using Bunit;
using MudBlazor.Services;

namespace EdgePortal.Portal.Tests.Components;

/// <summary>
/// Base for bUnit tests of MudBlazor components: MudBlazor's services registered, JavaScript
/// interop loose (MudBlazor calls JS that a test has no reason to fake), and the context disposed
/// asynchronously because MudBlazor's services are only <see cref="IAsyncDisposable"/>.
/// Add popover/dialog/snackbar providers with <see cref="RenderWithProviders{TComponent}"/> when a test opens one.
/// </summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    protected MudTestContext()
    {
        // Waits end as soon as what they wait for is there; bUnit's 1 s default was too short when the
        // whole suite (four test assemblies) shares two cores and lint runs off the renderer's thread.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    /// <summary>Renders the MudBlazor providers (popovers, dialogs, snackbars) and then the component.</summary>
    protected IRenderedComponent<TComponent> RenderWithProviders<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        Render<MudBlazor.MudPopoverProvider>();
        Render<MudBlazor.MudDialogProvider>();
        Render<MudBlazor.MudSnackbarProvider>();
        return parameters is null ? Render<TComponent>() : Render(parameters);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
