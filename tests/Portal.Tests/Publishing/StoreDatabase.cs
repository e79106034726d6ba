using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Publishing;

/// <summary>
/// A migrated portal database file in a directory of its own. Each <see cref="OpenStore"/> builds its own
/// context factory without connection pooling, as a second portal process on the same file would.
/// </summary>
public sealed class StoreDatabase : IDisposable
{
    public StoreDatabase()
    {
        Directory.CreateDirectory(DataDirectory);
        using var db = NewFactory().CreateDbContext();
        db.Database.Migrate();
    }

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "edgeportal-dbstore-" + Guid.NewGuid().ToString("N"));

    public IDbContextFactory<PortalDbContext> NewFactory() => new ServiceCollection()
        .AddDbContextFactory<PortalDbContext>(options => options
            .UseSqlite($"Data Source={Path.Combine(DataDirectory, PortalPaths.DatabaseFileName)};Pooling=False")
            .AddInterceptors(new SqliteBusyTimeoutInterceptor()))
        .BuildServiceProvider()
        .GetRequiredService<IDbContextFactory<PortalDbContext>>();

    public DatabaseDeploymentStore OpenStore(TimeProvider time, TimeSpan? lease = null, string owner = "test:1") =>
        new(NewFactory(), time, new PublishLockLease(lease ?? TimeSpan.FromMinutes(10), owner));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
