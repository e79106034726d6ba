using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgePortal.Portal.Data.Configurations;

public sealed class LiveDeploymentConfiguration : IEntityTypeConfiguration<LiveDeployment>
{
    public void Configure(EntityTypeBuilder<LiveDeployment> builder)
    {
        builder.HasKey(l => l.TargetId);
        builder.Property(l => l.TargetId).HasMaxLength(64);
        builder.Property(l => l.RevisionId).HasMaxLength(64);
        builder.Property(l => l.VersionArn).HasMaxLength(300);
        builder.Property(l => l.DeploymentId).HasMaxLength(80);
    }
}
