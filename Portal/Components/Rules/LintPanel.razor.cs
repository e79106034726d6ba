using EdgePortal.Portal.Services.Editing;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Lint;
using Microsoft.AspNetCore.Components;

namespace EdgePortal.Portal.Components.Rules;

/// <summary>
/// Lints the document off the circuit's thread (comparing every pair of patterns takes a while on a large
/// catalogue) and shows the warnings of the latest document once they are known.
/// </summary>
public partial class LintPanel : IDisposable
{
    private const int Limit = 200;

    private RulesDocument? _linted;
    private IReadOnlyList<LintWarning>? _warnings;
    private CancellationTokenSource? _pending;
    private string? _failure;

    [Parameter, EditorRequired] public RulesDocument Document { get; set; } = RulesDocument.Empty;

    /// <summary>Lint speaks about valid documents only; while the draft has problems it waits.</summary>
    [Parameter] public bool Enabled { get; set; } = true;

    [Parameter] public EventCallback<ProblemLocation> OnNavigate { get; set; }

    protected override void OnParametersSet()
    {
        if (!Enabled || ReferenceEquals(_linted, Document))
        {
            return;
        }
        _linted = Document;
        _warnings = null;
        _failure = null;
        _pending?.Cancel();
        _pending = new CancellationTokenSource();
        var cancel = _pending.Token;
        var document = Document;
        _ = Task.Run(async () =>
        {
            IReadOnlyList<LintWarning> warnings = [];
            string? failure = null;
            try
            {
                warnings = DocumentLinter.Lint(document);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                failure = e.Message;
            }
            if (!cancel.IsCancellationRequested)
            {
                await InvokeAsync(() =>
                {
                    _warnings = warnings;
                    _failure = failure;
                    StateHasChanged();
                });
            }
        }, cancel);
    }

    public void Dispose()
    {
        _pending?.Cancel();
        _pending?.Dispose();
    }
}
