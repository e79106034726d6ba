using Microsoft.Playwright;

namespace EdgePortal.Browser.Tests;

/// <summary>
/// One real portal process and one headless Chromium per test class; a failing scenario leaves a
/// screenshot and the portal's output in its message.
/// </summary>
public abstract class PortalBrowserTest : IAsyncLifetime
{
    private PortalProcess? _portal;
    private BrowserSession? _browser;

    /// <summary>The running portal.</summary>
    protected PortalProcess Portal => _portal!;

    /// <summary>Configuration the portal process starts with; a test class overrides it to make publishing impatient, say.</summary>
    protected virtual IReadOnlyDictionary<string, string> PortalSettings { get; } = new Dictionary<string, string>();

    /// <summary>Environment variables the portal process starts with.</summary>
    protected virtual IReadOnlyDictionary<string, string> PortalEnvironment { get; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        _portal = await PortalProcess.StartAsync(PortalSettings, PortalEnvironment);
        _browser = await BrowserSession.StartAsync(_portal.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
        }
    }

    /// <summary>Runs a scenario; on failure, saves screenshots/<paramref name="failureShot"/>.png and adds the portal's output.</summary>
    protected async Task RunScenarioAsync(Func<BrowserSession, Task> scenario, string failureShot)
    {
        try
        {
            await scenario(_browser!);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            await _browser!.ScreenshotAsync(failureShot);
            throw new InvalidOperationException($"{e.Message}\nSee screenshots/{failureShot}.png. Portal output:\n{_portal!.Output}", e);
        }
    }
}
