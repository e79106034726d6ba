using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Data;

/// <summary>The portal's one database: accounts and their API tokens, targets, revisions, change sets, deployments and the audit history.</summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<PortalUser, IdentityRole, string>(options)
{
    public DbSet<Target> Targets => Set<Target>();

    public DbSet<Revision> Revisions => Set<Revision>();

    public DbSet<ChangeSet> ChangeSets => Set<ChangeSet>();

    public DbSet<ChangeSetApproval> ChangeSetApprovals => Set<ChangeSetApproval>();

    public DbSet<ChangeSetComment> ChangeSetComments => Set<ChangeSetComment>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<AuditEventRule> AuditEventRules => Set<AuditEventRule>();

    public DbSet<DeploymentPlan> DeploymentPlans => Set<DeploymentPlan>();

    public DbSet<StoredDeployment> Deployments => Set<StoredDeployment>();

    public DbSet<DeploymentStepTime> DeploymentSteps => Set<DeploymentStepTime>();

    public DbSet<DeploymentLogLine> DeploymentLogLines => Set<DeploymentLogLine>();

    public DbSet<PublishLock> PublishLocks => Set<PublishLock>();

    public DbSet<LiveDeployment> LiveDeployments => Set<LiveDeployment>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; stored as UTC ticks they sort and compare correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetTicksConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseRevisionChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseRevisionChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void RefuseRevisionChanges()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is Revision or AuditEvent && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException($"{entry.Entity.GetType().Name} rows are immutable: they can be added, never changed or deleted.");
            }
        }
    }
}
