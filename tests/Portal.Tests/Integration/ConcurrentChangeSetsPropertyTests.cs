using System.Security.Claims;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Merge;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>
/// Several editors and one approver on one target at once, in a random order: every approved change is in the final
/// live document (or was reported as a conflict and chosen over), and no change set ever undoes one it did not touch.
/// </summary>
public sealed class ConcurrentChangeSetsPropertyTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Editors = 4;
    private const string Shared = "shared";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public async Task RandomConcurrentChangeSets_ApprovedAndLiveInRandomOrder_NoApprovedChangeIsLost(int seed)
    {
        var random = new Random(seed);
        await using var factory = new PortalFactory();
        var approver = await factory.NewUserAsync("Approver");
        var editors = new List<ClaimsPrincipal>();
        for (var i = 0; i < Editors; i++)
        {
            editors.Add(await factory.NewUserAsync("Editor"));
        }
        // Each editor starts once and finishes once; the order of all those steps is random, so drafts overlap.
        var steps = Enumerable.Range(0, Editors).SelectMany(i => new[] { i, i }).OrderBy(_ => random.Next()).ToList();
        var drafts = new Dictionary<int, Draft>();
        var expectedIds = new HashSet<string>();
        int? expectedShared = null;
        var conflicts = 0;

        foreach (var editor in steps)
        {
            if (!drafts.TryGetValue(editor, out var draft))
            {
                drafts[editor] = await StartAsync(factory, editors[editor], editor, random);
                continue;
            }
            conflicts += await FinishAsync(factory, editors[editor], approver, draft);
            // What this change set changed, applied in the order change sets went live.
            expectedIds.UnionWith(draft.Added);
            expectedIds.ExceptWith(draft.Deleted);
            expectedShared = draft.Shared ?? expectedShared;
        }

        var live = await LiveDocumentAsync(factory);
        var liveIds = live.Cache.Select(r => r.Id).Where(id => id != Shared).ToHashSet();
        Assert.Equal(expectedIds.Order(), liveIds.Order());
        Assert.Equal(expectedShared, live.Cache.FirstOrDefault(r => r.Id == Shared)?.MaxAge);
        output.WriteLine($"seed {seed}: {conflicts} conflict(s) reported and chosen over");
    }

    private sealed record Draft(long Id, IReadOnlyList<string> Added, IReadOnlyList<string> Deleted, int? Shared);

    /// <summary>A draft from live with one to three new rules, maybe a new value for the shared rule, maybe one published rule deleted.</summary>
    private static async Task<Draft> StartAsync(PortalFactory factory, ClaimsPrincipal author, int editor, Random random)
    {
        var started = await ApprovalsScenario.SavedAsync(factory.ChangeSetsAsync(s => s.GetOrCreateDraftAsync(author, "local")));
        var cache = started.Document.Cache.ToList();
        var added = Enumerable.Range(0, random.Next(1, 4)).Select(k => $"editor-{editor}-{k}").ToList();
        cache.AddRange(added.Select(id => new CacheRule { Id = id, Path = $"/{id}/*", MaxAge = 60 }));
        var deleted = new List<string>();
        var others = cache.Where(r => r.Id != Shared && !added.Contains(r.Id)).ToList();
        if (others.Count > 0 && random.Next(3) == 0)
        {
            var gone = others[random.Next(others.Count)];
            cache.Remove(gone);
            deleted.Add(gone.Id);
        }
        int? shared = null;
        if (random.Next(2) == 0)
        {
            var before = cache.FirstOrDefault(r => r.Id == Shared);
            // A value that differs from the one the draft started from: a real change.
            shared = before?.MaxAge is { } old ? old + 1 + random.Next(100) : 1 + random.Next(100);
            cache.RemoveAll(r => r.Id == Shared);
            cache.Add(new CacheRule { Id = Shared, Path = "/shared/*", MaxAge = shared });
        }
        var document = started.Document with { Cache = [.. cache] };
        var saved = await ApprovalsScenario.SavedAsync(factory.ChangeSetsAsync(s => s.SaveDraftAsync(author, started.Id, document, started.Version)));
        return new Draft(saved.Id, added, deleted, shared);
    }

    /// <summary>Rebases when live moved (choosing the change set's side of every conflict), submits, approves, makes it live; returns the conflicts reported.</summary>
    private static async Task<int> FinishAsync(PortalFactory factory, ClaimsPrincipal author, ClaimsPrincipal approver, Draft draft)
    {
        var current = (await factory.ChangeSetsAsync(s => s.GetAsync(draft.Id)))!;
        var rebased = await factory.ChangeSetsAsync(s => s.RebaseAsync(author, draft.Id, current.Version));
        var conflicts = 0;
        if (rebased is ChangeSetResult.MergeConflicted conflicted)
        {
            conflicts = conflicted.Conflicts.Count;
            // Only the shared rule is changed on both sides; added rules and deletions merge cleanly.
            Assert.All(conflicted.Conflicts, c => Assert.Contains(Shared, c.Key, StringComparison.Ordinal));
            var choices = conflicted.Conflicts.ToDictionary(c => c.Key, _ => MergeChoice.Yours);
            rebased = await factory.ChangeSetsAsync(s => s.RebaseAsync(author, draft.Id, current.Version, choices));
        }
        var ready = Assert.IsType<ChangeSetResult.Saved>(rebased).ChangeSet;
        var submitted = await ApprovalsScenario.SavedAsync(factory.ChangeSetsAsync(s =>
            s.SubmitAsync(author, draft.Id, ready.Version, ApprovalsScenario.Title, ApprovalsScenario.Description)));
        await ApprovalsScenario.SavedAsync(factory.ApprovalsAsync(s => s.ApproveAsync(approver, draft.Id, submitted.Version, null)));
        await factory.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var revision = await db.Revisions.Where(r => r.ChangeSetId == draft.Id).Select(r => r.Id).SingleAsync();
            // As the publisher does when the deployment succeeds.
            return await db.Targets.Where(t => t.Id == "local").ExecuteUpdateAsync(u => u.SetProperty(t => t.LiveRevisionId, revision));
        });
        return conflicts;
    }

    private static async Task<RulesDocument> LiveDocumentAsync(PortalFactory factory) =>
        (await factory.WithServicesAsync(s => s.GetRequiredService<ITargetService>().GetLiveRevisionAsync("local")))!.Document;
}
