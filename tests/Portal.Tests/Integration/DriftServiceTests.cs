extern alias emulator;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Drift;
using emulator::EdgePortal.AwsEmulator;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>The drift check of an AWS target on the emulator after a publish through the portal, through the service the panel calls.</summary>
public sealed class DriftServiceTests : IAsyncLifetime
{
    private const string TargetId = "prod";

    private EmulatorHost _emulator = null!;
    private PublishingPortal _portal = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Simulation = EmulatorTargetPortal.Instant });
        _portal = EmulatorTargetPortal.Start(_emulator);
        await EmulatorTargetPortal.AddTargetAsync(_portal, TargetId, "*");
    }

    [Fact]
    public async Task CheckAsync_AssociationChangedOutsidePortalThenBack_ReportsTheSentenceAndAuditsDetectedThenCleared()
    {
        var viewer = await _portal.UserAsync("Viewer");
        await EmulatorTargetPortal.PublishAsync(_portal, TargetId);
        var drift = _portal.Services.GetRequiredService<DriftService>();

        var clean = await drift.CheckAsync(viewer, TargetId);
        EmulatorTargetPortal.Move(_emulator, "*", "origin-request", EmulatorTargetPortal.Arn + ":5");
        var drifted = await drift.CheckAsync(viewer, TargetId);
        var again = await drift.CheckAsync(viewer, TargetId);
        EmulatorTargetPortal.Move(_emulator, "*", "origin-request", EmulatorTargetPortal.Arn + ":7");
        var cleared = await drift.CheckAsync(viewer, TargetId);

        Assert.Equal((false, null), (clean.HasDrift, clean.Failure));
        Assert.Equal(["behaviour * runs version 5 at origin-request; the portal published version 7"], drifted.Differences);
        Assert.Equal(drifted.Differences, again.Differences);
        Assert.False(cleared.HasDrift);
        Assert.Equal(cleared, _portal.Services.GetRequiredService<DriftReports>().Get(TargetId));
        Assert.Equal([AuditActions.DriftDetected, AuditActions.DriftCleared], await DriftAuditAsync());
    }

    [Fact]
    public async Task CheckAllAsync_PeriodicRun_ChecksAwsTargetsOnlyAndSaysWhenNothingWasPublished()
    {
        var reports = await _portal.Services.GetRequiredService<DriftService>().CheckAllAsync(Actor.System, awsOnly: true);

        var report = Assert.Single(reports);
        Assert.Equal(TargetId, report.TargetId);
        Assert.Equal("Nothing has been published to prod through the portal yet; there is nothing to compare with.", report.Failure);
        Assert.Empty(await DriftAuditAsync());
    }

    [Fact]
    public async Task CheckAsync_SignedOut_IsRefused()
    {
        var report = await _portal.Services.GetRequiredService<DriftService>().CheckAsync(new System.Security.Claims.ClaimsPrincipal(), TargetId);

        Assert.Equal("Sign in to check a target for drift.", report.Failure);
        Assert.Null(_portal.Services.GetRequiredService<DriftReports>().Get(TargetId));
    }

    private async Task<IReadOnlyList<string>> DriftAuditAsync() =>
        [.. (await EmulatorTargetPortal.AuditActionsAsync(_portal, TargetId)).Where(a => a is AuditActions.DriftDetected or AuditActions.DriftCleared)];

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _emulator.DisposeAsync();
    }
}
