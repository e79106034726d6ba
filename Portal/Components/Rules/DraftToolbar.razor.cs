using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Editing;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EdgePortal.Portal.Components.Rules;

/// <summary>
/// Save, submit, import and export for the open draft, and what their answers mean to the user:
/// a conflict opens <see cref="ConflictDialog"/>, anything else refused is shown as it is.
/// </summary>
public partial class DraftToolbar : IDisposable
{
    private bool _busy;

    [Inject] private DraftStore Store { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The revision number the draft is based on, for the caption.</summary>
    [Parameter] public int? BaseNumber { get; set; }

    [Parameter] public EventCallback OnShowProblems { get; set; }

    private DraftSession Session => Store.Session;

    protected override void OnInitialized()
    {
        Session.Changed += OnChanged;
        Store.Changed += OnChanged;
    }

    private (bool, int, Guid?, int, long?, ChangeSetState?) _shown;

    /// <summary>Re-renders only when what the toolbar shows changed, not on every keystroke in a rule.</summary>
    private void OnChanged()
    {
        var now = (Session.IsDirty, Session.Problems.Count, Store.ChangeSet?.Version, Store.Conflicts.Count, Store.Base?.Id, Store.ChangeSet?.State);
        if (now == _shown)
        {
            return;
        }
        _shown = now;
        _ = InvokeAsync(StateHasChanged);
    }

    private async Task Save() => await Run(() => Store.SaveAsync(), "Draft saved.");

    /// <summary>Asks for the title and description first (prefilled), then saves, rebases if needed and submits.</summary>
    private async Task Submit()
    {
        var summary = Store.ChangeSet?.Summary;
        var parameters = new DialogParameters<ChangeSets.SubmitDialog>
        {
            { d => d.Title, summary?.Title ?? "" },
            { d => d.Description, summary?.Description ?? "" },
        };
        var dialog = await Dialogs.ShowAsync<ChangeSets.SubmitDialog>("Submit", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: ValueTuple<string, string> (var title, var description) })
        {
            await Run(() => Store.SubmitAsync(title, description), "Draft submitted for review.");
        }
    }

    private async Task Import()
    {
        var dialog = await Dialogs.ShowAsync<ImportDialog>("Import", new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        var answer = await dialog.Result;
        if (answer is { Canceled: false, Data: string json })
        {
            await Run(() => Store.ImportAsync(json), "Document imported into the draft.");
        }
    }

    private async Task Run(Func<Task<ChangeSetResult>> action, string done)
    {
        _busy = true;
        try
        {
            var result = await action();
            switch (result)
            {
                case ChangeSetResult.Saved when Store.Conflicts.Count > 0:
                    Snackbar.Add($"{done} Live moved and changed the same things: choose for each conflict above.", Severity.Warning);
                    break;
                case ChangeSetResult.Saved:
                    Snackbar.Add(done, Severity.Success);
                    break;
                case ChangeSetResult.MergeConflicted conflicted:
                    Snackbar.Add(conflicted.Message, Severity.Warning);
                    break;
                case ChangeSetResult.Conflict conflict:
                    await ResolveConflict(conflict);
                    break;
                case ChangeSetResult.Invalid invalid:
                    Snackbar.Add(invalid.Problems.Count > 0 ? $"{invalid.Message} First: {invalid.Problems[0]}" : invalid.Message, Severity.Error);
                    break;
                default:
                    Snackbar.Add(result.Message, Severity.Error);
                    break;
            }
        }
        catch (Exception e) when (StorageFailure.Is(e))
        {
            // The session marks edits saved only after a save succeeded, so they stay in the page for another try.
            Snackbar.Add(StorageFailure.Message, Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ResolveConflict(ChangeSetResult.Conflict conflict)
    {
        var parameters = new DialogParameters<ConflictDialog>
        {
            { d => d.SavedBy, conflict.SavedBy },
            { d => d.SavedAt, conflict.SavedAt },
        };
        var dialog = await Dialogs.ShowAsync<ConflictDialog>("Conflict", parameters, new DialogOptions { MaxWidth = MaxWidth.Small });
        if (await dialog.Result is { Canceled: false })
        {
            var reloaded = await Store.ReloadAsync();
            Snackbar.Add(reloaded.IsSaved ? "Reloaded the stored draft." : reloaded.Message, reloaded.IsSaved ? Severity.Info : Severity.Error);
        }
    }

    public void Dispose()
    {
        Session.Changed -= OnChanged;
        Store.Changed -= OnChanged;
    }
}
