using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Drift;
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
}
