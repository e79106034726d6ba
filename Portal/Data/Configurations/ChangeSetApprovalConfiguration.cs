using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgePortal.Portal.Data.Configurations;

public sealed class ChangeSetApprovalConfiguration : IEntityTypeConfiguration<ChangeSetApproval>
{
    public void Configure(EntityTypeBuilder<ChangeSetApproval> builder)
    {
        builder.HasKey(a => a.Id);
        // One approval per person: the database refuses a second even if two clicks race.
        builder.HasIndex(a => new { a.ChangeSetId, a.UserId }).IsUnique();
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Comment).HasMaxLength(ChangeSetComment.MaxTextLength);
        builder.HasOne<ChangeSet>().WithMany().HasForeignKey(a => a.ChangeSetId).OnDelete(DeleteBehavior.Cascade);
    }
}
