using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgePortal.Portal.Data.Configurations;

public sealed class ChangeSetConfiguration : IEntityTypeConfiguration<ChangeSet>
{
    public void Configure(EntityTypeBuilder<ChangeSet> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.Description).HasMaxLength(ChangeSetComment.MaxTextLength);
        builder.Property(c => c.AuthorId).HasMaxLength(450);
        builder.Property(c => c.AuthorName).HasMaxLength(256);
        builder.Property(c => c.UpdatedBy).HasMaxLength(256);
        builder.Property(c => c.EmergencyReason).HasMaxLength(1000);
        builder.Property(c => c.EmergencyById).HasMaxLength(450);
        builder.Property(c => c.EmergencyByName).HasMaxLength(256);
        builder.Property(c => c.AcknowledgedByName).HasMaxLength(256);
        builder.Property(c => c.AcknowledgeComment).HasMaxLength(1000);
        builder.HasIndex(c => new { c.TargetId, c.AuthorId, c.State });
        builder.HasOne<Target>().WithMany().HasForeignKey(c => c.TargetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Revision>().WithMany().HasForeignKey(c => c.BaseRevisionId).OnDelete(DeleteBehavior.Restrict);
    }
}
