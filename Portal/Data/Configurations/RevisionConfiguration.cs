using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgePortal.Portal.Data.Configurations;

public sealed class RevisionConfiguration : IEntityTypeConfiguration<Revision>
{
    public void Configure(EntityTypeBuilder<Revision> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.TargetId, r.Number }).IsUnique();
        builder.Property(r => r.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(r => r.AuthorId).HasMaxLength(450);
        builder.Property(r => r.AuthorName).HasMaxLength(256);
        builder.Property(r => r.Message).HasMaxLength(2000);
        builder.HasOne<Target>().WithMany().HasForeignKey(r => r.TargetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Revision>().WithMany().HasForeignKey(r => r.ParentRevisionId).OnDelete(DeleteBehavior.Restrict);
    }
}
