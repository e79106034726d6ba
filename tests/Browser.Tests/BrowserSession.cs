using Microsoft.Playwright;

namespace EdgePortal.Browser.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (no Playwright browser download), one page, and a folder of
/// screenshots kept as test artefacts next to the test assembly.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserSession(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<BrowserSession> StartAsync(Uri baseAddress)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath}. The browser tests need Debian's chromium package: run ./test.sh (it installs it) or apt-get install chromium.");
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        Directory.CreateDirectory(ScreenshotDirectory);
        return new BrowserSession(playwright, browser, context, page);
    }

    /// <summary>Saves a full-page screenshot as screenshots/<paramref name="name"/>.png.</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
