using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgePortal.Portal.Data.Configurations;

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.HasKey(a => a.Id);
        // AUTOINCREMENT: SQLite then never hands out an id again after the newest rows are deleted.
        builder.Property(a => a.Id).HasAnnotation("Sqlite:Autoincrement", true);
        builder.Property(a => a.Actor).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.TargetId).HasMaxLength(64);
        builder.Property(a => a.Subject).HasMaxLength(256);
        builder.Property(a => a.PreviousSeal).HasMaxLength(64);
        builder.Property(a => a.Seal).HasMaxLength(64);
        builder.Property(a => a.SealKeyId).HasMaxLength(32);
        builder.HasIndex(a => a.Time);
        builder.HasIndex(a => new { a.TargetId, a.Time });
        // The audit page filters by these; a category ("publish") is a range of action names.
        builder.HasIndex(a => a.Action);
        builder.HasIndex(a => a.Actor);
        builder.HasIndex(a => a.Subject);
    }
}
