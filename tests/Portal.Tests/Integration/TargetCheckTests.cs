extern alias emulator;
using EdgePortal.Edge.Preflight;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Publishing;
using emulator::EdgePortal.AwsEmulator;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>Test connection and the publish preflight for an AWS target on the emulator, through the services the page calls.</summary>
public sealed class TargetCheckTests : IAsyncLifetime
{
    private const string TargetId = "prod";
    private const string PolicySentence = "Cache behaviour '/static/*' uses cache policy Managed-CachingOptimized (658327ea-f89d-4fab-a63d-7e88639e58f6): its cache key does not hold CloudFront-Viewer-Country";
    private static readonly string[] Writes = ["UpdateFunctionCode", "PublishVersion", "UpdateDistribution", "CreateInvalidation"];

    private EmulatorHost _emulator = null!;
    private PublishingPortal _portal = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions());
        _portal = EmulatorTargetPortal.Start(_emulator);
        await EmulatorTargetPortal.AddTargetAsync(_portal, TargetId, "/static/*");
    }

    [Fact]
    public async Task TestConnection_CachingOptimizedBehaviourAndCountryRules_FailsNamingBehaviourAndPolicy()
    {
        var viewer = await _portal.UserAsync("Viewer");
        await _portal.AddRevisionAsync(PublishingTests.SeedExample, TargetId);

        var report = await _portal.WithAsync(s => s.GetRequiredService<TargetCheckService>().CheckAsync(viewer, TargetId));

        Assert.False(report.Passed);
        var failure = Assert.Single(report.Result!.Failures);
        Assert.StartsWith(PolicySentence, failure.Sentence);
        Assert.Contains("geo (enforced by the handler), redirect ca, redirect us", failure.Sentence);
        Assert.Contains(report.Result.Checks, c => c.Check == "Execution role" && c.Outcome == CheckOutcome.Passed);
    }

    [Fact]
    public async Task Publish_CachingOptimizedBehaviourAndCountryRules_IsRefusedBeforeAnyVersionIsCreated()
    {
        var approver = await _portal.UserAsync("Approver");
        var revision = await _portal.AddRevisionAsync(PublishingTests.SeedExample, TargetId);
        var versionsBefore = _emulator.Simulation.ToSnapshot().Functions.Single().Versions.Count;

        var queued = Assert.IsType<PublishResult.Queued>(await _portal.WithAsync(s => s.GetRequiredService<PublishService>().StartPublishAsync(approver, TargetId, revision.Id)));
        var deployment = await _portal.FinishedAsync(queued.DeploymentId);
        var log = await _portal.Services.GetRequiredService<IDeploymentStore>().LoadLogAsync(deployment.Id, default);

        Assert.Equal(DeploymentState.Failed, deployment.State);
        Assert.Equal(PublishStep.Preflight, deployment.CurrentStep);
        Assert.Contains(PolicySentence, deployment.Error);
        Assert.Contains(log, e => e.Step == PublishStep.Preflight && e.Event == StepEvent.Note && e.Message.StartsWith(PolicySentence, StringComparison.Ordinal));
        Assert.DoesNotContain(_emulator.Requests.All, r => Writes.Contains(r.Operation));
        Assert.Equal(versionsBefore, _emulator.Simulation.ToSnapshot().Functions.Single().Versions.Count);
        Assert.Null(await _portal.LiveRevisionIdAsync(TargetId));
    }

    [Fact]
    public async Task TestConnection_LocalTargetOnAFreshMachine_PassesEveryCheck()
    {
        var viewer = await _portal.UserAsync("Viewer");
        await _portal.AddRevisionAsync(PublishingTests.SeedExample);

        var report = await _portal.WithAsync(s => s.GetRequiredService<TargetCheckService>().CheckAsync(viewer, PortalDatabase.LocalTargetId));

        Assert.True(report.Passed);
        Assert.All(report.Result!.Checks, c => Assert.Equal(CheckOutcome.Passed, c.Outcome));
        Assert.Contains(report.Result.Checks, c => c.Sentence.Contains("whose cache key holds CloudFront-Viewer-Country and the query string", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TestConnection_SignedOut_IsRefused()
    {
        var report = await _portal.WithAsync(s => s.GetRequiredService<TargetCheckService>().CheckAsync(new System.Security.Claims.ClaimsPrincipal(), TargetId));

        Assert.Equal(("Sign in to test a target's connection.", null), (report.Refusal, report.Result));
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _emulator.DisposeAsync();
    }
}
