using EdgePortal.Rules.Countries;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Evaluation;
using Microsoft.AspNetCore.Components;

namespace EdgePortal.Portal.Components.Rules;

/// <summary>
/// One request put to the draft and to the live revision side by side, through the reference
/// evaluator: the decision, the generated response or forwarded request, and the trace.
/// </summary>
public partial class RequestTester
{
    private string? _country = "DE";
    private string _uri = "/";
    private string? _query;
    private EdgeEvent _event = EdgeEvent.OriginRequest;
    private string? _originCacheControl;
    private string? _uriProblem;
    private Decision? _draft;
    private Decision? _live;

    [Parameter, EditorRequired] public RulesDocument Draft { get; set; } = RulesDocument.Empty;

    [Parameter, EditorRequired] public RulesDocument Live { get; set; } = RulesDocument.Empty;

    [Parameter] public string DraftLabel { get; set; } = "Draft";

    [Parameter] public string LiveLabel { get; set; } = "Live revision";

    private string CountryHelp => string.IsNullOrWhiteSpace(_country)
        ? "No country header"
        : CountryCatalog.NameOf(_country.Trim().ToUpperInvariant()) ?? "Not an assigned code";

    /// <summary>Same outcome, whichever rule decided it and however the trace reads.</summary>
    private bool SameAnswer => _draft is not null && _live is not null
        && _draft with { Trace = [], Section = null, RuleId = null } == _live with { Trace = [], Section = null, RuleId = null };

    protected override void OnParametersSet()
    {
        // Answers go stale when either document changes; run again rather than show an old answer.
        if (_draft is not null)
        {
            Run();
        }
    }

    private void Run()
    {
        var uri = _uri.Trim();
        if (!uri.StartsWith('/'))
        {
            _uriProblem = "The URI starts with / (for example /video/intro.mp4).";
            _draft = _live = null;
            return;
        }
        _uriProblem = null;
        var request = new EdgeRequest
        {
            Uri = uri,
            Country = string.IsNullOrWhiteSpace(_country) ? null : _country.Trim().ToUpperInvariant(),
            QueryString = (_query ?? "").Trim().TrimStart('?'),
            Event = _event,
            ResponseCacheControl = string.IsNullOrWhiteSpace(_originCacheControl) ? null : _originCacheControl.Trim(),
        };
        _draft = RuleEvaluator.Evaluate(Draft, request);
        _live = RuleEvaluator.Evaluate(Live, request);
    }
}
