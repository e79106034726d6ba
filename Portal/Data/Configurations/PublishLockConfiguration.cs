using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgePortal.Portal.Data.Configurations;

public sealed class PublishLockConfiguration : IEntityTypeConfiguration<PublishLock>
{
    public void Configure(EntityTypeBuilder<PublishLock> builder)
    {
        builder.HasKey(l => l.TargetId);
        builder.Property(l => l.TargetId).HasMaxLength(64);
        builder.Property(l => l.DeploymentId).HasMaxLength(80);
        builder.Property(l => l.Owner).HasMaxLength(200);
    }
}
