using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgePortal.Portal.Data.Configurations;

public sealed class ChangeSetCommentConfiguration : IEntityTypeConfiguration<ChangeSetComment>
{
    public void Configure(EntityTypeBuilder<ChangeSetComment> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => new { c.ChangeSetId, c.CreatedAt });
        builder.Property(c => c.AuthorId).HasMaxLength(450);
        builder.Property(c => c.AuthorName).HasMaxLength(256);
        builder.Property(c => c.Text).HasMaxLength(ChangeSetComment.MaxTextLength);
        builder.HasOne<ChangeSet>().WithMany().HasForeignKey(c => c.ChangeSetId).OnDelete(DeleteBehavior.Cascade);
    }
}
