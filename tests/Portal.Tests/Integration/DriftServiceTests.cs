using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Drift;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>The drift check of an AWS target on the emulator after a publish through the portal, through the service the panel calls.</summary>
public sealed class DriftServiceTests() : EmulatorTargetTests
{
    [Fact]
    public async Task CheckAsync_AssociationChangedOutsidePortalThenBack_ReportsTheSentenceAndAuditsDetectedThenCleared()
    {
        var viewer = await Portal.UserAsync("Viewer");
        await EmulatorTargetPortal.PublishAsync(Portal, TargetId);
        var drift = Portal.Services.GetRequiredService<DriftService>();

        var clean = await drift.CheckAsync(viewer, TargetId);
        EmulatorTargetPortal.Move(Emulator, "*", "origin-request", EmulatorTargetPortal.Arn + ":5");
        var drifted = await drift.CheckAsync(viewer, TargetId);
        var again = await drift.CheckAsync(viewer, TargetId);
        EmulatorTargetPortal.Move(Emulator, "*", "origin-request", EmulatorTargetPortal.Arn + ":7");
        var cleared = await drift.CheckAsync(viewer, TargetId);

        Assert.Equal((false, null), (clean.HasDrift, clean.Failure));
        Assert.Equal(["behaviour * runs version 5 at origin-request; the portal published version 7"], drifted.Differences);
        Assert.Equal(drifted.Differences, again.Differences);
        Assert.False(cleared.HasDrift);
        Assert.Equal(cleared, Portal.Services.GetRequiredService<DriftReports>().Get(TargetId));
        Assert.Equal([AuditActions.DriftDetected, AuditActions.DriftCleared], await DriftAuditAsync());
    }

    [Fact]
    public async Task CheckAllAsync_PeriodicRun_ChecksAwsTargetsOnlyAndSaysWhenNothingWasPublished()
    {
        var reports = await Portal.Services.GetRequiredService<DriftService>().CheckAllAsync(Actor.System, awsOnly: true);

        var report = Assert.Single(reports);
        Assert.Equal(TargetId, report.TargetId);
        Assert.Equal("Nothing has been published to prod through the portal yet; there is nothing to compare with.", report.Failure);
        Assert.Empty(await DriftAuditAsync());
    }

    [Fact]
    public async Task CheckAsync_SignedOut_IsRefused()
    {
        var report = await Portal.Services.GetRequiredService<DriftService>().CheckAsync(new System.Security.Claims.ClaimsPrincipal(), TargetId);

        Assert.Equal("Sign in to check a target for drift.", report.Failure);
        Assert.Null(Portal.Services.GetRequiredService<DriftReports>().Get(TargetId));
    }

    private async Task<IReadOnlyList<string>> DriftAuditAsync() =>
        [.. (await EmulatorTargetPortal.AuditActionsAsync(Portal, TargetId)).Where(a => a is AuditActions.DriftDetected or AuditActions.DriftCleared)];
}
