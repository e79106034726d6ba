using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Drift;
using EdgePortal.Portal.Services.Versions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>The periodic drift check: AWS targets are checked every interval without anyone asking; the local target is not.</summary>
public sealed class DriftWorkerTests() : EmulatorTargetTests(builder => builder.UseSetting($"{DriftOptions.SectionName}:Interval", "00:00:00.200"))
{
    [Fact]
    public async Task DriftWorker_ShortInterval_FindsADriftNobodyAskedAboutAndLeavesTheLocalTargetAlone()
    {
        await EmulatorTargetPortal.PublishAsync(Portal, TargetId);
        EmulatorTargetPortal.Move(Emulator, "*", "origin-response", null);
        var reports = Portal.Services.GetRequiredService<DriftReports>();

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        // The report is kept before its audit event is written: wait for both.
        while (!(await EmulatorTargetPortal.AuditActionsAsync(Portal, TargetId)).Contains(AuditActions.DriftDetected) && !patience.IsCancellationRequested)
        {
            await Task.Delay(100, CancellationToken.None);
        }

        Assert.Equal(["behaviour * runs no function at origin-response; the portal published version 7"], reports.Get(TargetId)?.Differences);
        Assert.Null(reports.Get(PortalDatabase.LocalTargetId));
    }

    [Fact]
    public async Task DriftWorker_DeletionRefusedWhileReplicated_IsDoneOnALaterRunOnceTheReplicasAreGone()
    {
        var admin = await Portal.UserAsync("Admin");
        await EmulatorTargetPortal.PublishAsync(Portal, TargetId);
        EmulatorTargetPortal.Move(Emulator, "/video/*", "origin-request", EmulatorTargetPortal.Arn + ":2");
        EmulatorTargetPortal.Move(Emulator, "/video/*", "origin-request", null);
        var refused = await Portal.Services.GetRequiredService<VersionService>().DeleteAsync(admin, TargetId, ["2"]);
        Emulator.Clock.Advance(Emulator.Simulation.Options.ReplicaRetention);

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!(await EmulatorTargetPortal.AuditActionsAsync(Portal, TargetId)).Contains(AuditActions.VersionDeleted) && !patience.IsCancellationRequested)
        {
            await Task.Delay(100, CancellationToken.None);
        }

        Assert.False(Assert.Single(refused).Deleted);
        Assert.DoesNotContain("2", Emulator.Simulation.Lambda.ListVersionsByFunction("edge-rules", null, null).Versions.Select(v => v.Version));
    }
}
