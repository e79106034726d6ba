using EdgePortal.Portal.Services.Editing;
using EdgePortal.Rules.Document;
using Microsoft.AspNetCore.Components;

namespace EdgePortal.Portal.Components.Rules;

/// <summary>Edits one redirect; every change is handed back as a new rule through <see cref="RuleChanged"/>.</summary>
public partial class RedirectRuleEditor
{
    private static readonly (int Code, string Text)[] Statuses =
    [
        (301, "Moved Permanently"),
        (302, "Found"),
        (303, "See Other"),
        (307, "Temporary Redirect"),
        (308, "Permanent Redirect"),
    ];

    [Parameter, EditorRequired] public RedirectRule Rule { get; set; } = new();

    [Parameter] public FieldProblems Problems { get; set; } = FieldProblems.None;

    [Parameter] public bool ReadOnly { get; set; }

    [Parameter] public EventCallback<IRule> RuleChanged { get; set; }

    /// <summary>Where a request for /shows/42?lang=en would be sent, so the flags read as behaviour.</summary>
    private string Example => RedirectExample.Describe(Rule, "/shows/42", "lang=en");

    private Task Emit(RedirectRule rule) => RuleChanged.InvokeAsync(rule);

    private static string? NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;
}
