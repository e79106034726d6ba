using EdgePortal.Rules.Document;
using EdgePortal.Rules.Validation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace EdgePortal.Portal.Components.Rules;

/// <summary>
/// Import from an upload or pasted text. The dialog closes with the JSON text only when it reads as a valid
/// document; otherwise it lists the problems with their JSON pointers and nothing changes.
/// </summary>
public partial class ImportDialog
{
    /// <summary>Largest file accepted: far above a 10,000-rule document, far below a mistake.</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    private string? _json;
    private string? _fileProblem;
    private IReadOnlyList<Problem> _problems = [];

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    private async Task OnFile(IBrowserFile? file)
    {
        _fileProblem = null;
        if (file is null)
        {
            return;
        }
        try
        {
            using var reader = new StreamReader(file.OpenReadStream(MaxBytes));
            _json = await reader.ReadToEndAsync();
        }
        catch (IOException e)
        {
            _fileProblem = $"Could not read {file.Name}: {e.Message}";
        }
    }

    private void Import()
    {
        var result = RulesDocumentJson.Parse(_json ?? "");
        if (!result.IsValid || result.Document is null)
        {
            _problems = result.Problems.Count > 0 ? result.Problems : [new Problem("", "The text is not a rules document.")];
            return;
        }
        _problems = [];
        Dialog.Close(DialogResult.Ok(_json!));
    }

    private void Cancel() => Dialog.Cancel();
}
