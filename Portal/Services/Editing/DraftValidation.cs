using EdgePortal.Rules.Document;
using EdgePortal.Rules.Validation;

namespace EdgePortal.Portal.Services.Editing;

/// <summary>
/// Checks a large draft after a pause in typing, off the circuit's thread, and checks a single
/// rule at once so the field being typed in gets its message without waiting.
/// </summary>
internal sealed class DraftValidation(Action<RulesDocument, IReadOnlyList<Problem>> onValidated) : IDisposable
{
    private CancellationTokenSource? _pending;

    public void Schedule(RulesDocument document, TimeSpan delay)
    {
        Cancel();
        var cancel = new CancellationTokenSource();
        _pending = cancel;
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(delay, cancel.Token);
                var problems = DocumentValidator.Validate(document);
                if (!cancel.IsCancellationRequested)
                {
                    onValidated(document, problems);
                }
            }
            catch (OperationCanceledException)
            {
                // A newer edit scheduled its own check.
            }
        });
    }

    public void Cancel()
    {
        _pending?.Cancel();
        _pending?.Dispose();
        _pending = null;
    }

    public void Dispose() => Cancel();

    /// <summary>
    /// The current problems with those of one rule replaced by what checking that rule alone finds.
    /// Problems that need the other rules (a duplicate id) come back with the whole-document check.
    /// </summary>
    public static ProblemIndex RuleProblems(ProblemIndex current, RuleSection section, int index, IRule rule)
    {
        var single = RulesDocument.Empty.WithRules(section, [rule]);
        var prefix = $"/{section.JsonName()}/{index}";
        var singlePrefix = $"/{section.JsonName()}/0";
        var fresh = DocumentValidator.Validate(single)
            .Where(p => p.Pointer.StartsWith(singlePrefix, StringComparison.Ordinal))
            .Select(p => p with { Pointer = prefix + p.Pointer[singlePrefix.Length..] });
        var kept = current.All.Where(p => !(p.Pointer == prefix || p.Pointer.StartsWith(prefix + "/", StringComparison.Ordinal)));
        return new ProblemIndex([.. kept, .. fresh]);
    }
}
