using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

public sealed class AuditChainConcurrencyTests
{
    [Fact]
    public async Task Append_TwoPortalsOnOneDatabaseAtOnce_KeepOneIntactChain()
    {
        await using var first = new PortalFactory();
        await using var second = new PortalFactory { DataDirectory = first.DataDirectory };
        var admin = await first.PrincipalForAsync(PortalFactory.AdminEmail);
        _ = second.Services;

        await Task.WhenAll(AppendAsync(first, "first", 20), AppendAsync(second, "second", 20), AppendAsync(first, "third", 20));
        var result = await first.WithServicesAsync(s => s.GetRequiredService<IAuditHistory>().VerifyAsync(admin));
        var stored = await first.WithServicesAsync(s => s.GetRequiredService<PortalDbContext>().AuditEvents.CountAsync(e => e.Action == "test.appended"));

        Assert.True(result.Intact, result.Message);
        Assert.Equal(60, stored);
        Assert.True(result.Checked >= 60, $"only {result.Checked} events were checked");
    }

    [Fact]
    public async Task Append_SeveralEventsInOneSave_AreChainedInOrder()
    {
        await using var factory = new PortalFactory();
        var admin = await factory.PrincipalForAsync(PortalFactory.AdminEmail);

        var ids = await factory.WithServicesAsync(async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            var audit = s.GetRequiredService<AuditLog>();
            var events = Enumerable.Range(1, 5).Select(i => audit.Add(db, "test", "test.batch", null, $"item/{i}")).ToList();
            await db.SaveChangesAsync();
            return events.Select(e => e.Id).ToList();
        });
        var result = await factory.WithServicesAsync(s => s.GetRequiredService<IAuditHistory>().VerifyAsync(admin));

        Assert.Equal(Enumerable.Range(0, 5).Select(i => ids[0] + i), ids);
        Assert.True(result.Intact, result.Message);
    }

    private static async Task AppendAsync(PortalFactory factory, string actor, int count)
    {
        await Task.Yield();
        for (var i = 0; i < count; i++)
        {
            await factory.WithServicesAsync(async s =>
            {
                await using var db = await s.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
                s.GetRequiredService<AuditLog>().Add(db, actor, "test.appended", null, $"item/{i}");
                return await db.SaveChangesAsync();
            });
        }
    }
}
