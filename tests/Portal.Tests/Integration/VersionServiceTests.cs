extern alias emulator;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Versions;
using emulator::EdgePortal.AwsEmulator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>Lambda version hygiene on the emulator: what refers to each version, deleting the rest, and the replica refusal.</summary>
public sealed class VersionServiceTests() : EmulatorTargetTests(builder => builder.UseSetting($"{VersionOptions.SectionName}:Keep", "2"))
{
    [Fact]
    public async Task ListAsync_AfterAPublish_NamesWhatRefersToEachVersionAndKeepsTheNewest()
    {
        var admin = await Portal.UserAsync("Admin");
        await EmulatorTargetPortal.PublishAsync(Portal, TargetId);

        var view = await Service.ListAsync(admin, TargetId);

        Assert.Null(view.Failure);
        Assert.Equal(["7", "6", "5", "4", "3", "2", "1"], view.Versions.Select(v => v.Version));
        var live = view.Versions[0];
        Assert.Contains("distribution EDFDVBD6EXAMPLE, behaviour * (origin-request, origin-response)", live.References);
        Assert.Contains(live.References, r => r.StartsWith("live on prod: revision #1 (deployment ", StringComparison.Ordinal));
        Assert.Equal(["distribution EDFDVBD6EXAMPLE, behaviour /video/* (origin-response)"], view.Versions[1].References);
        Assert.Equal(["5", "4", "3", "2", "1"], view.Deletable);
    }

    [Fact]
    public async Task DeleteAsync_OneVersionStillReplicated_DeletesTheOthersAndSaysToTryAgainUntilItGoes()
    {
        var admin = await Portal.UserAsync("Admin");
        await EmulatorTargetPortal.PublishAsync(Portal, TargetId);
        EmulatorTargetPortal.RanForAWhile(Emulator, "3");

        var results = await Service.DeleteAsync(admin, TargetId, ["5", "4", "3", "2", "1"]);
        var after = await Service.ListAsync(admin, TargetId);
        Emulator.Clock.Advance(Emulator.Simulation.Options.ReplicaRetention);
        var retried = await Service.DeleteAsync(admin, TargetId, after.Deletable);

        Assert.Equal([
            "Version 5 of edge-rules was deleted.", "Version 4 of edge-rules was deleted.",
            "Version 3: still replicated; try again later (replicas are removed hours after the last association).",
            "Version 2 of edge-rules was deleted.", "Version 1 of edge-rules was deleted.",
        ], results.Select(r => r.Sentence));
        Assert.Equal(["7", "6", "3"], after.Versions.Select(v => v.Version));
        Assert.StartsWith(VersionService.StillReplicated + " (refused ", after.Versions[2].Refusal);
        Assert.Equal(["3"], after.Deletable);
        Assert.Equal(["Version 3 of edge-rules was deleted."], retried.Select(r => r.Sentence));
        Assert.Equal(["$LATEST", "6", "7"], Emulator.Simulation.Lambda.ListVersionsByFunction(EmulatorSeed.FunctionName, null, null).Versions.Select(v => v.Version));
        var audited = await EmulatorTargetPortal.AuditActionsAsync(Portal, TargetId);
        Assert.Equal(5, audited.Count(a => a == AuditActions.VersionDeleted));
        Assert.Equal(1, audited.Count(a => a == AuditActions.VersionDeleteRefused));
    }

    [Fact]
    public async Task DeleteAsync_ReferencedOrNewestVersion_IsRefusedWithTheReason()
    {
        var admin = await Portal.UserAsync("Admin");
        await EmulatorTargetPortal.PublishAsync(Portal, TargetId);

        var results = await Service.DeleteAsync(admin, TargetId, ["7"]);

        Assert.Equal(["Version 7 was not deleted: something refers to it."], results.Select(r => r.Sentence));
        Assert.Equal(8, Emulator.Simulation.Lambda.ListVersionsByFunction(EmulatorSeed.FunctionName, null, null).Versions.Count);
    }

    [Fact]
    public async Task DeleteAsync_NoSuchTarget_SaysSoForEachVersion()
    {
        var admin = await Portal.UserAsync("Admin");

        var results = await Service.DeleteAsync(admin, "staging", ["1"]);

        Assert.Equal(["Version 1 was not deleted: Could not list the versions of staging: There is no target 'staging'."], results.Select(r => r.Sentence));
    }

    [Fact]
    public async Task ListAndDelete_Approver_AreRefusedAndNothingIsDeleted()
    {
        var approver = await Portal.UserAsync("Approver");

        var view = await Service.ListAsync(approver, TargetId);
        var results = await Service.DeleteAsync(approver, TargetId, ["1"]);

        Assert.Equal("Lambda versions are for Admins; you are Approver.", view.Failure);
        Assert.Equal(["Version 1 was not deleted: deleting versions needs the Admin role."], results.Select(r => r.Sentence));
        Assert.Equal(7, Emulator.Simulation.Lambda.ListVersionsByFunction(EmulatorSeed.FunctionName, null, null).Versions.Count);
    }

    private VersionService Service => Portal.Services.GetRequiredService<VersionService>();
}
