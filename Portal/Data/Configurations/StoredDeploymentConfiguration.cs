using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgePortal.Portal.Data.Configurations;

public sealed class StoredDeploymentConfiguration : IEntityTypeConfiguration<StoredDeployment>
{
    public void Configure(EntityTypeBuilder<StoredDeployment> builder)
    {
        builder.ToTable("Deployments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasMaxLength(80);
        builder.Property(d => d.TargetId).HasMaxLength(64);
        builder.Property(d => d.RevisionId).HasMaxLength(64);
        builder.Property(d => d.RequestedBy).HasMaxLength(256);
        builder.HasIndex(d => new { d.TargetId, d.CreatedAt });
        builder.HasIndex(d => new { d.State, d.CreatedAt });
        builder.HasIndex(d => d.RequestedBy);
    }
}
