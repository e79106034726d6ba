using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgePortal.Portal.Data.Configurations;

public sealed class DeploymentStepTimeConfiguration : IEntityTypeConfiguration<DeploymentStepTime>
{
    public void Configure(EntityTypeBuilder<DeploymentStepTime> builder)
    {
        builder.ToTable("DeploymentSteps");
        builder.HasKey(s => new { s.DeploymentId, s.Step });
        builder.HasOne<StoredDeployment>().WithMany().HasForeignKey(s => s.DeploymentId).OnDelete(DeleteBehavior.Cascade);
    }
}
