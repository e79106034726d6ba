using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Targets;
using Microsoft.AspNetCore.Components;

namespace EdgePortal.Portal.Components.Targets;

/// <summary>The fields of a target; saving and reading the distribution are the page's (it holds the services and the user).</summary>
public partial class TargetForm
{
    private bool _reading;
    private bool _saving;

    [Parameter, EditorRequired]
    public required TargetInput Input { get; set; }

    [Parameter]
    public bool Adding { get; set; }

    /// <summary>Targets this one may require (not itself, not retired).</summary>
    [Parameter]
    public IReadOnlyList<TargetView> Others { get; set; } = [];

    /// <summary>The last save's answer; its problems are shown beside their fields.</summary>
    [Parameter]
    public TargetAdminResult? Result { get; set; }

    [Parameter]
    public DistributionReading? Reading { get; set; }

    /// <summary>Whether the read geo restriction becomes the first revision.</summary>
    [Parameter]
    public bool Adopt { get; set; }

    [Parameter]
    public EventCallback<bool> AdoptChanged { get; set; }

    [Parameter]
    public EventCallback Save { get; set; }

    [Parameter]
    public EventCallback ReadDistribution { get; set; }

    private bool IsAws => Input.Kind == Edge.Publishing.TargetKind.Aws;

    private string Behaviours
    {
        get => string.Join(", ", Input.CacheBehaviors);
        set => Input.CacheBehaviors = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    private bool Has(string field) => Result?.Problems.ContainsKey(field) == true;

    private string? Problem(string field) => Result?.Problems.GetValueOrDefault(field);

    private void Toggle(string eventType, bool on)
    {
        Input.EventTypes.Remove(eventType);
        if (on)
        {
            Input.EventTypes = [.. TargetEventTypes.All.Where(e => e == eventType || Input.EventTypes.Contains(e))];
        }
    }

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            await Save.InvokeAsync();
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task ReadDistributionAsync()
    {
        _reading = true;
        try
        {
            await ReadDistribution.InvokeAsync();
        }
        finally
        {
            _reading = false;
        }
    }
}
