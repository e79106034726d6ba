extern alias emulator;
using System.Security.Claims;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Approvals;
using EdgePortal.Portal.Services.Publishing;
using EdgePortal.Portal.Services.Targets;
using EdgePortal.Rules.Document;
using emulator::EdgePortal.AwsEmulator;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>Production (an AWS target on the emulator) requires the local target, standing in for staging.</summary>
public sealed class StagingBeforeProductionTests : IAsyncLifetime
{
    private static readonly RulesDocument Change = RulesDocument.Empty with { Cache = [new CacheRule { Id = "first", Path = "/first/*", MaxAge = 60 }] };

    private EmulatorHost _emulator = null!;
    private PublishingPortal _portal = null!;
    private ClaimsPrincipal _admin = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions());
        _portal = EmulatorTargetPortal.Start(_emulator);
        _admin = await _portal.UserAsync("Admin");
        var production = TargetAdminTests.Production();
        production.CacheBehaviors = [];
        production.RequiredTargetId = PortalDatabase.LocalTargetId;
        var added = await _portal.WithAsync(s => s.GetRequiredService<TargetAdminService>().AddAsync(_admin, production));
        Assert.True(added.IsSaved, string.Join(" ", added.Sentences));
    }

    [Fact]
    public async Task StartPublishAsync_DocumentNeverLiveOnTheRequiredTarget_IsRefusedWithASentenceAndNothingIsSent()
    {
        var revision = await _portal.AddRevisionAsync(Change, "prod");

        var result = await _portal.WithAsync(s => s.GetRequiredService<PublishService>().StartPublishAsync(_admin, "prod", revision.Id));

        Assert.Equal($"prod requires local first: revision #2's document (SHA-256 {revision.Sha256[..12]}…) has never been live on local. Publish it there, then promote it to prod.",
            Assert.IsType<PublishResult.Refused>(result).Message);
        Assert.Empty(await _portal.Services.GetRequiredService<IDeploymentStore>().ListByTargetAsync("prod", default));
        Assert.DoesNotContain(_emulator.Requests.All, r => r.Operation is "UpdateFunctionCode" or "PublishVersion" or "UpdateDistribution");
    }

    [Fact]
    public async Task PromoteAsync_ChangeSetLiveOnStaging_SubmitsTheSameDocumentToProductionWhichMayThenBePublished()
    {
        var editor = await _portal.UserAsync("Editor");
        var approver = await _portal.UserAsync("Approver");
        var changeSet = await SubmittedAsync(editor, PortalDatabase.LocalTargetId, Change);
        var stagingRevision = await ApproveAsync(approver, changeSet);
        Assert.Empty(await PromotionAsync(s => s.OffersAsync(changeSet.Id)));

        await PublishedAsync(PortalDatabase.LocalTargetId, stagingRevision);
        Assert.Equal([new PromotionOffer("prod", "Production")], await PromotionAsync(s => s.OffersAsync(changeSet.Id)));
        var promoted = Assert.IsType<ChangeSetResult.Saved>(await PromotionAsync(s => s.PromoteAsync(editor, changeSet.Id, "prod"))).ChangeSet;

        Assert.Equal(("prod", ChangeSetState.InReview, Change), (promoted.Summary.TargetId, promoted.State, promoted.Document));
        var productionRevision = await ApproveAsync(approver, promoted);
        var deployment = await PublishedAsync("prod", productionRevision);
        Assert.Equal(DeploymentState.Succeeded, deployment.State);
    }

    private async Task<ChangeSetView> SubmittedAsync(ClaimsPrincipal author, string targetId, RulesDocument document)
    {
        var changes = (Func<IChangeSetService, Task<ChangeSetResult>> call) => _portal.WithAsync(s => call(s.GetRequiredService<IChangeSetService>()));
        var draft = Assert.IsType<ChangeSetResult.Saved>(await changes(s => s.GetOrCreateDraftAsync(author, targetId))).ChangeSet;
        var saved = Assert.IsType<ChangeSetResult.Saved>(await changes(s => s.SaveDraftAsync(author, draft.Id, document, draft.Version))).ChangeSet;
        return Assert.IsType<ChangeSetResult.Saved>(await changes(s => s.SubmitAsync(author, saved.Id, saved.Version, "A change for staging", "Tested on staging first."))).ChangeSet;
    }

    private async Task<long> ApproveAsync(ClaimsPrincipal approver, ChangeSetView changeSet)
    {
        var approved = await _portal.WithAsync(s => s.GetRequiredService<IApprovalService>().ApproveAsync(approver, changeSet.Id, changeSet.Version, null));
        Assert.True(approved.IsSaved, approved.Message);
        var revisions = await _portal.WithAsync(s => s.GetRequiredService<IRevisionService>().ListAsync(changeSet.Summary.TargetId));
        return revisions.First(r => r.ChangeSetId == changeSet.Id).Id;
    }

    private async Task<Deployment> PublishedAsync(string targetId, long revisionId)
    {
        var queued = Assert.IsType<PublishResult.Queued>(await _portal.WithAsync(s => s.GetRequiredService<PublishService>().StartPublishAsync(_admin, targetId, revisionId)));
        return await _portal.FinishedAsync(queued.DeploymentId);
    }

    private Task<T> PromotionAsync<T>(Func<IPromotionService, Task<T>> call) => _portal.WithAsync(s => call(s.GetRequiredService<IPromotionService>()));

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _emulator.DisposeAsync();
    }
}
