using EdgePortal.Rules.Document;
using EdgePortal.Rules.Validation;

namespace EdgePortal.Portal.Services.Editing;

/// <summary>
/// The document one person is editing in one circuit: every edit makes a new immutable document,
/// problems are recomputed after each change, and the selection per section survives tab switches.
/// Persistence is <see cref="DraftStore"/>'s job; this class only knows the document.
/// </summary>
public sealed class DraftSession : IDisposable
{
    /// <summary>From this many rules on, the whole-document check waits for a pause in typing.</summary>
    public const int DebounceFromRuleCount = 2_000;

    private readonly Dictionary<RuleSection, int?> _selection = [];
    private readonly DraftValidation _validation;

    public DraftSession()
    {
        _validation = new DraftValidation(OnValidated);
    }

    /// <summary>Raised after every change of the document, its problems or the selection (possibly off the circuit's thread).</summary>
    public event Action? Changed;

    public RulesDocument Document { get; private set; } = RulesDocument.Empty;

    /// <summary>The document the draft started from (the live revision), for the diff and the tester.</summary>
    public RulesDocument BaseDocument { get; private set; } = RulesDocument.Empty;

    public ProblemIndex Problems { get; private set; } = ProblemIndex.None;

    /// <summary>True when there are edits not yet saved.</summary>
    public bool IsDirty { get; private set; }

    /// <summary>How long to wait after the last edit before checking a large document as a whole.</summary>
    public TimeSpan ValidationDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    public void Load(RulesDocument document, RulesDocument baseDocument)
    {
        Document = document;
        BaseDocument = baseDocument;
        IsDirty = false;
        _selection.Clear();
        Problems = new ProblemIndex(DocumentValidator.Validate(document));
        Changed?.Invoke();
    }

    /// <summary>After a save of <paramref name="saved"/>: nothing is pending unless it was edited while saving.</summary>
    public void MarkSaved(RulesDocument saved)
    {
        IsDirty = !ReferenceEquals(saved, Document);
        Changed?.Invoke();
    }

    public int? SelectedIndex(RuleSection section) => _selection.GetValueOrDefault(section);

    public void Select(RuleSection section, int? index)
    {
        _selection[section] = index;
        Changed?.Invoke();
    }

    public void UpdateRule(RuleSection section, int index, IRule rule)
    {
        var document = Document.ReplaceRule(section, index, rule);
        var interim = document.RuleCount >= DebounceFromRuleCount ? DraftValidation.RuleProblems(Problems, section, index, rule) : null;
        Apply(document, interim);
    }

    /// <summary>Adds a new rule at the end of the section, selects it and returns its position.</summary>
    public int AddRule(RuleSection section)
    {
        var rule = Document.NewRule(section);
        var index = Document.Rules(section).Count;
        _selection[section] = index;
        Apply(Document.InsertRule(section, index, rule));
        return index;
    }

    public void DeleteRule(RuleSection section, int index)
    {
        _selection[section] = null;
        Apply(Document.RemoveRule(section, index));
    }

    public void MoveRule(RuleSection section, int from, int to)
    {
        var count = Document.Rules(section).Count;
        if (from == to || to < 0 || to >= count)
        {
            return;
        }
        if (SelectedIndex(section) == from)
        {
            _selection[section] = to;
        }
        Apply(Document.MoveRule(section, from, to));
    }

    public void DuplicateRule(RuleSection section, int index)
    {
        _selection[section] = index + 1;
        Apply(Document.DuplicateRule(section, index));
    }

    public void SetGeo(GeoSettings geo) => Apply(Document with { Geo = geo });

    public void SetBlockedResponse(BlockedResponse response) => Apply(Document with { BlockedResponse = response });

    /// <summary>Replaces the whole document (import); the base stays, so the diff shows what the import changed.</summary>
    public void Replace(RulesDocument document)
    {
        _selection.Clear();
        Apply(document);
    }

    public void Dispose() => _validation.Dispose();

    private void Apply(RulesDocument document, ProblemIndex? interim = null)
    {
        Document = document;
        IsDirty = true;
        // Only typing (a rule update) waits; structural edits shift positions, so their problems are recomputed at once.
        if (interim is null || document.RuleCount < DebounceFromRuleCount || ValidationDelay <= TimeSpan.Zero)
        {
            _validation.Cancel();
            Problems = new ProblemIndex(DocumentValidator.Validate(document));
        }
        else
        {
            // Feedback on the field being typed in now, the whole document once typing pauses.
            Problems = interim;
            _validation.Schedule(document, ValidationDelay);
        }
        Changed?.Invoke();
    }

    private void OnValidated(RulesDocument document, IReadOnlyList<Problem> problems)
    {
        if (!ReferenceEquals(document, Document))
        {
            return;
        }
        Problems = new ProblemIndex(problems);
        Changed?.Invoke();
    }
}
