using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EdgePortal.Portal.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the portal.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .Options;
        return new PortalDbContext(options);
    }
}
