using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgePortal.Portal.Data.Configurations;

public sealed class DeploymentPlanConfiguration : IEntityTypeConfiguration<DeploymentPlan>
{
    public void Configure(EntityTypeBuilder<DeploymentPlan> builder)
    {
        builder.HasKey(p => p.DeploymentId);
        builder.Property(p => p.DeploymentId).HasMaxLength(64);
        builder.Property(p => p.EmergencyReason).HasMaxLength(1000);
        builder.HasIndex(p => p.ChangeSetId);
    }
}
