using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Approvals;
using EdgePortal.Portal.Tests.Integration;
using EdgePortal.Rules.Document;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Plans;

/// <summary>A viewer-trigger target's package must fit 1 MB: when the approved document would not, approving says so and approves nothing.</summary>
public sealed class PlanTooLargeTests
{
    [Fact]
    public async Task Approve_DocumentOverTheViewerTriggerLimit_IsRefusedWithTheSizeAndApprovesNothing()
    {
        await using var portal = new PublishingPortal();
        await using (var db = await portal.DbAsync())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE Targets SET EventTypes = '[\"viewer-request\"]' WHERE Id = 'local'");
        }
        // Random locations do not compress: about 1.5 MB zipped, over viewer triggers' 1 MB.
        var random = new Random(7);
        var noise = (int length) => new string([.. Enumerable.Range(0, length).Select(_ => (char)('a' + random.Next(26)))]);
        var document = RulesDocument.Empty with
        {
            Redirects = [.. Enumerable.Range(0, 2_000).Select(i => new RedirectRule
            {
                Id = $"title-{i}", Path = $"/title/{i}/*", Countries = ["CA"], Location = $"https://ca.example.com/{noise(1_000)}",
            })],
        };
        var submitted = await portal.SubmittedAsync(document);
        var approver = await portal.UserAsync("Approver");

        var result = await portal.WithAsync(s => s.GetRequiredService<IApprovalService>().ApproveAsync(approver, submitted.Id, submitted.Version, "ok"));

        var refused = Assert.IsType<ChangeSetResult.Invalid>(result);
        Assert.Contains("over the Lambda@Edge limit of 1,048,576 bytes (1 MB) for viewer triggers", refused.Message, StringComparison.Ordinal);
        Assert.EndsWith("nothing was approved.", refused.Message, StringComparison.Ordinal);
        await using var after = await portal.DbAsync();
        Assert.Equal(ChangeSetState.InReview, (await after.ChangeSets.SingleAsync(c => c.Id == submitted.Id)).State);
        Assert.Empty(await after.ChangeSetApprovals.Where(a => a.ChangeSetId == submitted.Id).ToListAsync());
        Assert.False(await after.Revisions.AnyAsync(r => r.ChangeSetId == submitted.Id));
    }
}
