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

        // The report is kept before its audit event is written: wait for both.
        await EmulatorTargetPortal.WaitForAuditAsync(Portal, TargetId, AuditActions.DriftDetected);

        Assert.Equal(["behaviour * runs no function at origin-response; the portal published version 7"], reports.Get(TargetId)?.Differences);
        Assert.Null(reports.Get(PortalDatabase.LocalTargetId));
    }

    [Fact]
    public async Task DriftWorker_DeletionRefusedWhileReplicated_IsDoneOnALaterRunOnceTheReplicasAreGone()
    {
        var admin = await Portal.UserAsync("Admin");
        await EmulatorTargetPortal.PublishAsync(Portal, TargetId);
        EmulatorTargetPortal.RanForAWhile(Emulator, "2");
        var refused = await Portal.Services.GetRequiredService<VersionService>().DeleteAsync(admin, TargetId, ["2"]);
        Emulator.Clock.Advance(Emulator.Simulation.Options.ReplicaRetention);

        await EmulatorTargetPortal.WaitForAuditAsync(Portal, TargetId, AuditActions.VersionDeleted);

        Assert.False(Assert.Single(refused).Deleted);
        Assert.DoesNotContain("2", Emulator.Simulation.Lambda.ListVersionsByFunction("edge-rules", null, null).Versions.Select(v => v.Version));
    }
}
