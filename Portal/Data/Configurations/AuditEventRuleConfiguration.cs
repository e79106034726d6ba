using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdgePortal.Portal.Data.Configurations;

public sealed class AuditEventRuleConfiguration : IEntityTypeConfiguration<AuditEventRule>
{
    public void Configure(EntityTypeBuilder<AuditEventRule> builder)
    {
        builder.HasKey(r => new { r.EventId, r.Section, r.RuleId });
        builder.Property(r => r.Section).HasMaxLength(32);
        builder.Property(r => r.RuleId).HasMaxLength(256);
        // A rule's history: every event naming the rule, newest first.
        builder.HasIndex(r => new { r.RuleId, r.EventId });
        builder.HasOne<AuditEvent>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
