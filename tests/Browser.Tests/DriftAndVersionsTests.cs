extern alias emulator;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Documents;
using EdgePortal.Rules.Document;
using emulator::EdgePortal.AwsEmulator;
using EdgePortal.Edge.Simulation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EdgePortal.Browser.Tests;

/// <summary>
/// An AWS target on the emulator, published from its page; then someone changes the distribution outside the portal
/// (the emulator's admin endpoint). The overview shows the drift after Check drift, and the target's Lambda versions
/// section deletes an unreferenced version and says why a replicated one was refused.
/// </summary>
public sealed class DriftAndVersionsTests : PortalBrowserTest
{
    private const string TargetId = "prod";
    private const string Arn = "arn:aws:lambda:us-east-1:123456789012:function:edge-rules";

    private readonly int _emulatorPort = FreePort();

    private Uri EmulatorUri => new($"http://127.0.0.1:{_emulatorPort}/");

    protected override IReadOnlyDictionary<string, string> PortalSettings => new Dictionary<string, string>
    {
        ["EdgePortal:AwsEndpoints:Lambda"] = EmulatorUri.ToString(),
        ["EdgePortal:AwsEndpoints:CloudFront"] = EmulatorUri.ToString(),
        ["EdgePortal:AwsEndpoints:Iam"] = EmulatorUri + "iam/",
    };

    // The AWS credential chain of the portal process finds the emulator's example keys.
    protected override IReadOnlyDictionary<string, string> PortalEnvironment => new Dictionary<string, string>
    {
        ["AWS_ACCESS_KEY_ID"] = EmulatorOptions.ExampleAccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = EmulatorOptions.ExampleSecretAccessKey,
    };

    [Fact]
    public async Task CheckDrift_AssociationChangedOutsidePortal_OverviewShowsTheSentence()
    {
        await using var emulator = await StartEmulatorAsync();
        await RunScenarioAsync(async browser =>
        {
            var page = browser.Page;
            await PublishAsync(page);
            await AdminAsync("associations", new { cacheBehavior = "*", eventType = "origin-request", functionArn = Arn + ":5" });

            await new ReviewFlow(page).NavigateAsync("Overview");
            // The target page has a drift panel too: wait until the overview replaced it before clicking.
            await Assertions.Expect(page.GetByText("What is live on each target, and the drafts you are working on.")).ToBeVisibleAsync();
            var panel = page.Locator("[data-testid=drift-panel][data-interactive=true]");
            await Assertions.Expect(panel).ToHaveCountAsync(1);
            await panel.Locator("[data-testid=check-drift]").ClickAsync();

            var warning = panel.Locator("[data-testid=drift-warning][data-target=prod]");
            // The check reads the distribution and the function through the retrying clients: slow on a loaded machine.
            await Assertions.Expect(warning.Locator("[data-testid=drift-difference]"))
                .ToHaveTextAsync(["behaviour * runs version 5 at origin-request; the portal published version 7"], new() { Timeout = 30_000 });
            await Assertions.Expect(warning).ToContainTextAsync("prod differs from what the portal published (checked ");
            await browser.ScreenshotAsync("60-drift-overview");
        }, "zz-drift-overview-failure");
    }

    [Fact]
    public async Task DeleteVersions_OneUnreferencedOneReplicated_DeletesOneAndSaysTheOtherIsStillReplicated()
    {
        await using var emulator = await StartEmulatorAsync();
        await RunScenarioAsync(async browser =>
        {
            var page = browser.Page;
            await PublishAsync(page);
            // Version 2 ran on /video/* for a while: CloudFront keeps its replicas for hours after.
            await AdminAsync("associations", new { cacheBehavior = "/video/*", eventType = "origin-request", functionArn = Arn + ":2" });
            await AdminAsync("associations", new { cacheBehavior = "/video/*", eventType = "origin-request", functionArn = (string?)null });

            var panel = page.Locator("[data-testid=versions-panel][data-interactive=true]");
            await panel.Locator("[data-testid=load-versions]").ClickAsync();
            await Assertions.Expect(panel.Locator("[data-testid=versions-table] tbody tr")).ToHaveCountAsync(7);
            await Assertions.Expect(panel.Locator("tr[data-version='7']")).ToContainTextAsync("live on prod: revision #1");
            await panel.Locator("[data-testid=delete-versions]").ClickAsync();
            var dialog = page.Locator(".mud-dialog");
            await Assertions.Expect(dialog).ToContainTextAsync("Delete versions 2, 1 of edge-rules?");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();

            await Assertions.Expect(panel.Locator("[data-testid=version-deletion]")).ToHaveTextAsync([
                "Version 2: still replicated; try again later (replicas are removed hours after the last association).",
                "Version 1 of edge-rules was deleted.",
            ]);
            await Assertions.Expect(panel.Locator("[data-testid=versions-table] tbody tr")).ToHaveCountAsync(6);
            await Assertions.Expect(panel.Locator("tr[data-version='2'] [data-testid=version-status]"))
                .ToContainTextAsync("still replicated; try again later");
            await browser.ScreenshotAsync("61-versions-replicated");
        }, "zz-versions-failure");
        Assert.Equal(["$LATEST", "2", "3", "4", "5", "6", "7"],
            emulator.Simulation.Lambda.ListVersionsByFunction("edge-rules", null, null).Versions.Select(v => v.Version));
    }

    private async Task<EmulatorHost> StartEmulatorAsync() =>
        await EmulatorHost.StartAsync(new EmulatorOptions
        {
            Url = EmulatorUri.ToString().TrimEnd('/'),
            CaptureRequests = false,
            Simulation = new SimulationOptions { PropagationDelay = TimeSpan.Zero, InvalidationDelay = TimeSpan.Zero, FunctionUpdateDelay = TimeSpan.Zero },
        });

    /// <summary>Adds the AWS target and its first revision (the portal has no page for adding targets yet), then publishes it from the target's page as the admin.</summary>
    private async Task PublishAsync(IPage page)
    {
        await AddTargetWithRevisionAsync();
        await new ReviewFlow(page).SignInAsync(PortalProcess.AdminEmail, PortalProcess.AdminPassword);
        await page.GotoAsync($"targets/{TargetId}");
        await page.Locator("[data-testid=versions-panel][data-interactive=true]").WaitForAsync();
        await page.ClickAsync("[data-testid=publish-1]");
        await page.ClickAsync("[data-testid=confirm-publish]");
        await Assertions.Expect(page.Locator("[data-testid=deployment-progress] [data-testid=deployment-state]"))
            .ToHaveTextAsync("Succeeded", new() { Timeout = 60_000 });
    }

    private async Task AddTargetWithRevisionAsync()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={Portal.DatabaseFile};Pooling=False").Options;
        await using var db = new PortalDbContext(options);
        var json = RulesDocumentJson.Serialize(RulesDocument.Empty with { Cache = [new CacheRule { Id = "assets", Path = "/assets/*", MaxAge = 600 }] });
        db.Targets.Add(new Target
        {
            Id = TargetId,
            DisplayName = "Production",
            Kind = EdgePortal.Edge.Publishing.TargetKind.Aws,
            FunctionName = "edge-rules",
            DistributionId = "EDFDVBD6EXAMPLE",
            CacheBehaviors = ["*"],
            CreatedAt = DateTimeOffset.UtcNow,
        });
        db.Revisions.Add(new Revision
        {
            TargetId = TargetId,
            Number = 1,
            DocumentJson = json,
            Sha256 = DocumentCodec.Sha256(json),
            AuthorId = "test",
            AuthorName = "test@example.com",
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    private async Task AdminAsync(string operation, object body)
    {
        using var http = new HttpClient { BaseAddress = EmulatorUri };
        var response = await http.PostAsJsonAsync($"__emulator/distributions/EDFDVBD6EXAMPLE/{operation}", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
