using System.Security.Claims;
using System.Text.Json;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Approvals;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Publishing;
using EdgePortal.Rules.Document;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>"Who let country X see title Y, when, and who approved it", answered from the audit history.</summary>
public sealed class AuditRuleHistoryTests(PublishingPortal portal) : IClassFixture<PublishingPortal>
{
    [Fact]
    public async Task SaveDraft_RuleAddedThenChanged_RecordsRuleIdWithBeforeAndAfter()
    {
        var ruleId = NewRuleId();
        var editor = await portal.UserAsync("Editor");
        var draft = await SaveAsync(editor, null, d => d with { Access = [.. d.Access, TitleOne(ruleId, "CA")] });

        await SaveAsync(editor, draft, d => d with { Access = [.. d.Access.Select(r => r.Id == ruleId ? r with { Countries = ["CA", "US"] } : r)] });

        var saves = await QueryAsync(new AuditQuery(Action: AuditActions.DraftSaved, RuleId: ruleId));
        Assert.Equal(2, saves.Total);
        var changed = Change(saves.Events[0], ruleId);
        Assert.Equal("access", changed.GetProperty("section").GetString());
        Assert.Equal("changed", changed.GetProperty("change").GetString());
        Assert.Equal(["countries"], changed.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("[\"CA\"]", changed.GetProperty("before").GetProperty("countries").GetRawText());
        Assert.Equal("[\"CA\",\"US\"]", changed.GetProperty("after").GetProperty("countries").GetRawText());
        var added = Change(saves.Events[1], ruleId);
        Assert.Equal("added", added.GetProperty("change").GetString());
        Assert.False(added.TryGetProperty("before", out _));
        Assert.Equal("/title-1/*", added.GetProperty("after").GetProperty("path").GetString());
    }

    [Fact]
    public async Task CreateDraft_WithTheEditorsFirstEdits_RecordsTheRulesChangedFromTheBase()
    {
        var ruleId = NewRuleId();
        var editor = await portal.UserAsync("Editor");
        var live = await portal.WithAsync(async s => (await s.GetRequiredService<IRevisionService>().ListAsync("local")).MaxBy(r => r.Number)!);
        var document = await portal.WithAsync(async s => (await s.GetRequiredService<IRevisionService>().GetAsync(live.Id))!.Document);

        Saved(await portal.WithAsync(s => s.GetRequiredService<IChangeSetService>()
            .CreateDraftAsync(editor, "local", live.Id, document with { Access = [.. document.Access, TitleOne(ruleId, "CA")] })));

        var created = Assert.Single((await QueryAsync(new AuditQuery(RuleId: ruleId))).Events);
        Assert.Equal(AuditActions.DraftCreated, created.Action);
        Assert.Equal("added", Change(created, ruleId).GetProperty("change").GetString());
    }

    [Fact]
    public async Task Query_RuleId_FindsSaveApprovalAndPublishWithWhoAndWhen()
    {
        var ruleId = NewRuleId();
        var (editor, approver, _) = await PublishAsync(ruleId);

        var history = await QueryAsync(new AuditQuery(TargetId: "local", RuleId: ruleId));

        var actions = history.Events.Select(e => e.Action).ToList();
        Assert.Equal([AuditActions.PublishSucceeded, AuditActions.ChangeSetPublished, AuditActions.PublishStarted, AuditActions.PublishRequested,
            AuditActions.ChangeSetApproved, AuditActions.ChangeSetSubmitted, AuditActions.DraftSaved], actions);
        Assert.Equal(editor.Identity!.Name, history.Events.Single(e => e.Action == AuditActions.DraftSaved).Actor);
        Assert.Equal(approver.Identity!.Name, history.Events.Single(e => e.Action == AuditActions.ChangeSetApproved).Actor);
        Assert.Equal(approver.Identity.Name, history.Events.Single(e => e.Action == AuditActions.PublishRequested).Actor);
        var other = await QueryAsync(new AuditQuery(RuleId: NewRuleId()));
        Assert.Equal(0, other.Total);
    }

    [Fact]
    public async Task Query_CategoryPublish_FindsEveryPublishEventAndNothingElse()
    {
        var (_, _, deploymentId) = await PublishAsync(NewRuleId());

        var publish = await QueryAsync(new AuditQuery(Action: "publish", Text: deploymentId));

        Assert.Equal([AuditActions.PublishSucceeded, AuditActions.PublishStarted, AuditActions.PublishRequested], publish.Events.Select(e => e.Action));
        var all = await QueryAsync(new AuditQuery(Action: "publish"), pageSize: 500);
        Assert.All(all.Events, e => Assert.StartsWith("publish.", e.Action, StringComparison.Ordinal));
        Assert.Equal(0, (await QueryAsync(new AuditQuery(Action: "publis"))).Total);
    }

    [Fact]
    public async Task Query_TimeRange_KeepsOnlyEventsInside()
    {
        var ruleId = NewRuleId();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await SaveAsync(await portal.UserAsync("Editor"), null, d => d with { Access = [.. d.Access, TitleOne(ruleId, "CA")] });
        var after = DateTimeOffset.UtcNow.AddSeconds(1);

        Assert.Equal(1, (await QueryAsync(new AuditQuery(From: before, To: after, RuleId: ruleId))).Total);
        Assert.Equal(0, (await QueryAsync(new AuditQuery(From: after, RuleId: ruleId))).Total);
        Assert.Equal(0, (await QueryAsync(new AuditQuery(To: before, RuleId: ruleId))).Total);
    }

    [Fact]
    public async Task Query_FullText_FindsTheSaveByWhatTheRuleSays()
    {
        var ruleId = NewRuleId();
        await SaveAsync(await portal.UserAsync("Editor"), null, d => d with { Access = [.. d.Access, TitleOne(ruleId, "CA") with { Description = "Canada sees title one" }] });

        var found = await QueryAsync(new AuditQuery(Text: "canada SEES title"));

        Assert.Contains(found.Events, e => e.Action == AuditActions.DraftSaved && e.DetailsJson.Contains(ruleId, StringComparison.Ordinal));
    }

    private static string NewRuleId() => $"title-1-{Guid.NewGuid():N}"[..20];

    private static AccessRule TitleOne(string id, params string[] countries) =>
        new() { Id = id, Path = "/title-1/*", Mode = AccessMode.Allow, Countries = [.. countries] };

    private static JsonElement Change(AuditEntry entry, string ruleId) =>
        JsonDocument.Parse(entry.DetailsJson).RootElement.GetProperty("rules").GetProperty("changes").EnumerateArray()
            .Single(c => c.GetProperty("id").GetString() == ruleId);

    /// <summary>Saves an edit of the editor's draft of local (a new draft on live when <paramref name="draft"/> is null).</summary>
    private async Task<ChangeSetView> SaveAsync(ClaimsPrincipal editor, ChangeSetView? draft, Func<RulesDocument, RulesDocument> edit)
    {
        draft ??= Saved(await portal.WithAsync(s => s.GetRequiredService<IChangeSetService>().GetOrCreateDraftAsync(editor, "local")));
        return Saved(await portal.WithAsync(s => s.GetRequiredService<IChangeSetService>()
            .SaveDraftAsync(editor, draft.Summary.Id, edit(draft.Document), draft.Summary.Version)));
    }

    /// <summary>An editor lets CA see title 1, an approver approves and publishes it to local.</summary>
    private async Task<(ClaimsPrincipal Editor, ClaimsPrincipal Approver, string DeploymentId)> PublishAsync(string ruleId)
    {
        var editor = await portal.UserAsync("Editor");
        var approver = await portal.UserAsync("Approver");
        var saved = await SaveAsync(editor, null, d => d with { Access = [.. d.Access, TitleOne(ruleId, "CA")] });
        var submitted = Saved(await portal.WithAsync(s => s.GetRequiredService<IChangeSetService>().SubmitAsync(editor, saved.Summary.Id, saved.Summary.Version, ApprovalsScenario.Title, ApprovalsScenario.Description)));
        Saved(await portal.WithAsync(s => s.GetRequiredService<IApprovalService>().ApproveAsync(approver, submitted.Summary.Id, submitted.Summary.Version, "fine")));
        var revisionId = await portal.WithAsync(async s =>
            (await s.GetRequiredService<IRevisionService>().ListAsync("local")).Single(r => r.ChangeSetId == submitted.Summary.Id).Id);
        var queued = Assert.IsType<PublishResult.Queued>(await portal.WithAsync(s =>
            s.GetRequiredService<PublishService>().StartPublishAsync(approver, "local", revisionId)));
        await portal.FinishedAsync(queued.DeploymentId);
        return (editor, approver, queued.DeploymentId);
    }

    private Task<AuditPage> QueryAsync(AuditQuery query, int pageSize = 50) =>
        portal.WithAsync(s => s.GetRequiredService<IAuditHistory>().QueryAsync(query, 0, pageSize));

    private static ChangeSetView Saved(ChangeSetResult result) => Assert.IsType<ChangeSetResult.Saved>(result).ChangeSet;
}
