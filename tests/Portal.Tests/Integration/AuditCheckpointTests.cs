using System.Net;
using System.Text.Json;
using EdgePortal.Portal.Services.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

public sealed class AuditCheckpointTests
{
    [Fact]
    public async Task Export_WritesASignedCheckpointToTheDataDirectoryAndTheSink()
    {
        var sink = Path.Combine(PortalFactory.NewDataDirectory(), "write-once") + "/";
        await using var factory = new PortalFactory { Settings = new Dictionary<string, string> { [AuditCheckpoints.SinkSetting] = sink } };
        try
        {
            var (approver, _) = await AuditSealTests.ApproveWithCommentAsync(factory, "fine");
            var browser = factory.CreateBrowser();
            await BrowserForms.SignInAsync(browser, approver.Identity!.Name!, ApprovalsScenario.Password);

            var response = await browser.GetAsync("/audit/export/jsonl");
            var exported = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var stored = factory.Services.GetRequiredService<AuditCheckpoints>().ReadAll();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([Path.Combine(factory.DataDirectory, AuditCheckpoints.FileName), Path.Combine(sink, AuditCheckpoints.FileName)], stored.Select(s => s.File));
            Assert.All(stored, s => Assert.Null(s.Problem));
            var checkpoint = stored[0].Checkpoint!;
            Assert.Equal(checkpoint, stored[1].Checkpoint);
            // The export holds the events before its own audit event; the checkpoint includes that event too.
            var lastExported = JsonDocument.Parse(exported[^1]).RootElement;
            Assert.Equal(lastExported.GetProperty("id").GetInt64() + 1, checkpoint.LastId);
            Assert.Equal(checkpoint.LastId, checkpoint.Count);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(sink)!)!, recursive: true);
        }
    }

    [Fact]
    public async Task Writer_EveryInterval_WritesACheckpointOnlyWhenTheChainGrew()
    {
        await using var factory = new PortalFactory { Settings = new Dictionary<string, string> { [AuditCheckpointWriter.IntervalSetting] = "00:00:00.2" } };
        var checkpoints = factory.Services.GetRequiredService<AuditCheckpoints>();

        var first = await WaitForAsync(checkpoints, 1);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var unchanged = checkpoints.ReadAll().Count;
        var last = await AuditSealTests.AddEventsAsync(factory, 1);
        var grown = await WaitForAsync(checkpoints, 2);

        Assert.Equal(1, unchanged);
        Assert.Equal(last, grown[^1].Checkpoint!.LastId);
        Assert.True(first[0].Checkpoint!.LastId < last);
    }

    [Fact]
    public async Task Verify_NoCheckpointYet_SaysDeletingTheNewestCouldGoUnnoticed()
    {
        await using var factory = new PortalFactory();
        var admin = await factory.PrincipalForAsync(PortalFactory.AdminEmail);

        var result = await AuditSealTests.VerifyAsync(factory, admin);

        Assert.True(result.Intact, result.Message);
        Assert.StartsWith("No checkpoint has been written yet", Assert.Single(result.Notes), StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<StoredCheckpoint>> WaitForAsync(AuditCheckpoints checkpoints, int count)
    {
        for (var waited = 0; waited < 100; waited++)
        {
            if (checkpoints.ReadAll() is { } read && read.Count >= count)
            {
                return read;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"fewer than {count} checkpoints after 10 s");
    }
}
