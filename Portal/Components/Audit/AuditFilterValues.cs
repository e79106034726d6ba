using EdgePortal.Portal.Services.Audit;

namespace EdgePortal.Portal.Components.Audit;

/// <summary>What the audit page's filter fields hold, and the query they make.</summary>
public sealed class AuditFilterValues
{
    public DateTime? FromDay { get; set; }

    public DateTime? ToDay { get; set; }

    public string? Actor { get; set; }

    public string? Action { get; set; }

    public string? Target { get; set; }

    public string? RuleId { get; set; }

    public string? Text { get; set; }

    // Dates are whole UTC days: "to" includes the day it names.
    public AuditQuery Query => new(
        FromDay is { } f ? new DateTimeOffset(DateTime.SpecifyKind(f.Date, DateTimeKind.Utc)) : null,
        ToDay is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t.Date.AddDays(1).AddTicks(-1), DateTimeKind.Utc)) : null,
        Actor, Action, Target, Text, RuleId);

    public void From(string? ruleId, string? target, string? action, string? actor, string? text)
    {
        RuleId = ruleId;
        Target = target;
        Action = action;
        Actor = actor;
        Text = text;
    }
}
