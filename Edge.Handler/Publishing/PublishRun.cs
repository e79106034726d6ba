namespace EdgePortal.Edge.Publishing;

/// <summary>
/// One run of one deployment: the deployment as last recorded, the clients, and the ways a step
/// records notes and calls AWS. Every change to the deployment goes through the store first.
/// </summary>
internal sealed class PublishRun
{
    private readonly IDeploymentStore _store;
    private readonly IProgress<PublishProgress>? _progress;

    public PublishRun(Deployment deployment, ShippingClients clients, IDeploymentStore store, PublisherOptions options,
        TimeProvider timeProvider, IProgress<PublishProgress>? progress)
    {
        Deployment = deployment;
        Clients = clients;
        Options = options;
        _store = store;
        _progress = progress;
        Aws = new AwsCalls(options, timeProvider, NoteAsync);
    }

    public Deployment Deployment { get; private set; }

    public ShippingClients Clients { get; }

    public PublisherOptions Options { get; }

    public AwsCalls Aws { get; }

    public PublishRequest Request => Deployment.Request;

    public Target Target => Deployment.Request.Target;

    /// <summary>Records the new state of the deployment with a log line, then tells the UI.</summary>
    public async Task RecordAsync(Deployment deployment, StepEvent stepEvent, string message, CancellationToken cancellationToken)
    {
        var now = Aws.Now;
        deployment = deployment with { UpdatedAt = now };
        var step = deployment.CurrentStep ?? (stepEvent == StepEvent.Finished ? deployment.LastFinishedStep : null);
        await _store.SaveAsync(deployment, new DeploymentLogEntry(step, stepEvent, message, now), cancellationToken);
        Deployment = deployment;
        _progress?.Report(new PublishProgress(deployment.Id, step, stepEvent, message));
    }

    public Task NoteAsync(string message, CancellationToken cancellationToken)
        => RecordAsync(Deployment, StepEvent.Note, message, cancellationToken);

    /// <summary>Tells the UI without recording: polls would flood the log.</summary>
    public void Report(string message)
        => _progress?.Report(new PublishProgress(Deployment.Id, Deployment.CurrentStep, StepEvent.Note, message));
}
