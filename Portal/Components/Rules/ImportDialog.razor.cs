using EdgePortal.Rules.Document;
using EdgePortal.Rules.Validation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using MudBlazor;

namespace EdgePortal.Portal.Components.Rules;

/// <summary>
/// Import from an upload or pasted text. The dialog closes with the JSON text only when it reads as a valid
/// document; otherwise it lists the problems with their JSON pointers and nothing changes. Both ways in are
/// streamed (an upload through InputFile, a paste through a JS stream reference), so a document up to
/// <see cref="Limits.MaxDocumentBytes"/> never meets the circuit's message size limit, which stays at its default.
/// </summary>
public partial class ImportDialog : IAsyncDisposable
{
    private static readonly string MaxSizeText = $"{Limits.MaxDocumentBytes / (1024 * 1024)} MiB";

    private ElementReference _pasted;
    private IJSObjectReference? _module;
    private string? _fileProblem;
    private bool _busy;
    private IReadOnlyList<Problem> _problems = [];

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    private async Task OnFile(IBrowserFile? file)
    {
        _fileProblem = null;
        if (file is null)
        {
            return;
        }
        if (file.Size > Limits.MaxDocumentBytes)
        {
            _fileProblem = $"{file.Name} is not imported: {Limits.DocumentTooLarge(file.Size)}.";
            return;
        }
        try
        {
            await using var stream = file.OpenReadStream(Limits.MaxDocumentBytes);
            Check(await ReadAllAsync(stream));
        }
        catch (IOException e)
        {
            _fileProblem = $"Could not read {file.Name}: {e.Message}";
        }
    }

    private async Task Import()
    {
        _busy = true;
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Rules/ImportDialog.razor.js");
            var pasted = await _module.InvokeAsync<IJSStreamReference>("pastedText", _pasted);
            await using (pasted)
            {
                if (pasted.Length > Limits.MaxDocumentBytes)
                {
                    _problems = [new Problem("", Limits.DocumentTooLarge(pasted.Length))];
                    return;
                }
                await using var stream = await pasted.OpenReadStreamAsync(Limits.MaxDocumentBytes);
                Check(await ReadAllAsync(stream));
            }
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>Closes with the text when it is a valid document; shows every problem otherwise.</summary>
    private void Check(byte[] utf8)
    {
        var result = RulesDocumentJson.ParseUtf8(utf8);
        if (!result.IsValid || result.Document is null)
        {
            _problems = result.Problems.Count > 0 ? result.Problems : [new Problem("", "The text is not a rules document.")];
            return;
        }
        _problems = [];
        RulesDocumentJson.TryDecodeUtf8(utf8, out var json);
        Dialog.Close(DialogResult.Ok(json));
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private void Cancel() => Dialog.Cancel();

    public async ValueTask DisposeAsync()
    {
        if (_module is null)
        {
            return;
        }
        try
        {
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone and the module with it.
        }
        GC.SuppressFinalize(this);
    }
}
