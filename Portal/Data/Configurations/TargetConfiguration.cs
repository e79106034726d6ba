using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgePortal.Portal.Data.Configurations;

public sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(64);
        builder.Property(t => t.DisplayName).HasMaxLength(200);
        builder.Property(t => t.FunctionName).HasMaxLength(200);
        builder.Property(t => t.DistributionId).HasMaxLength(64);
        builder.PrimitiveCollection(t => t.CacheBehaviors);
        builder.PrimitiveCollection(t => t.EventTypes);
        builder.Property(t => t.ApprovalsRequired).HasDefaultValue(1);
        builder.Property(t => t.RequiredTargetId).HasMaxLength(64);
        builder.HasOne<Target>().WithMany().HasForeignKey(t => t.RequiredTargetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.LiveRevision).WithMany().HasForeignKey(t => t.LiveRevisionId).OnDelete(DeleteBehavior.Restrict);
    }
}
