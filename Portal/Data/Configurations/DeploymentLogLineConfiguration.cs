using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgePortal.Portal.Data.Configurations;

public sealed class DeploymentLogLineConfiguration : IEntityTypeConfiguration<DeploymentLogLine>
{
    public void Configure(EntityTypeBuilder<DeploymentLogLine> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Message).HasMaxLength(4000);
        builder.HasIndex(l => new { l.DeploymentId, l.Id });
        builder.HasOne<StoredDeployment>().WithMany().HasForeignKey(l => l.DeploymentId).OnDelete(DeleteBehavior.Cascade);
    }
}
