namespace EdgePortal.Edge.Publishing;

/// <summary>
/// One run of one deployment: the deployment as last recorded, the clients, and the ways a step
/// records notes, calls AWS and waits, all bounded by the step's deadline. Every change to the
/// deployment goes through the store first.
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
        Aws = new AwsCalls(options, timeProvider, () => Deadline, NoteAsync);
    }

    public Deployment Deployment { get; private set; }

    public ShippingClients Clients { get; }

    public PublisherOptions Options { get; }

    public AwsCalls Aws { get; }

    public PublishRequest Request => Deployment.Request;

    public Target Target => Deployment.Request.Target;

    /// <summary>When the running step must be done by (no deadline outside a step).</summary>
    public DateTimeOffset Deadline => Deployment.StepDeadline ?? DateTimeOffset.MaxValue;

    /// <summary>Time left before <see cref="Deadline"/>.</summary>
    public TimeSpan Left => Deadline - Aws.Now;

    /// <summary>Records the new state of the deployment with a log line, then tells the UI.</summary>
    public async Task RecordAsync(Deployment deployment, StepEvent stepEvent, string message, CancellationToken cancellationToken)
    {
        var now = Aws.Now;
        deployment = deployment with { UpdatedAt = now };
        var step = deployment.CurrentStep ?? (stepEvent == StepEvent.Finished ? deployment.LastFinishedStep : null);
        await _store.SaveAsync(deployment, new DeploymentLogEntry(step, stepEvent, message, now), cancellationToken);
        Deployment = deployment;
        _progress?.Report(new PublishProgress(deployment.Id, step, stepEvent, message, deployment.StepDeadline));
    }

    public Task NoteAsync(string message, CancellationToken cancellationToken)
        => RecordAsync(Deployment, StepEvent.Note, message, cancellationToken);

    /// <summary>Tells the UI without recording: polls would flood the log.</summary>
    public void Report(string message)
        => _progress?.Report(new PublishProgress(Deployment.Id, Deployment.CurrentStep, StepEvent.Note, message, Deployment.StepDeadline));

    /// <summary>
    /// Waits <paramref name="interval"/>, saying what is awaited and the time left; when the deadline would pass
    /// before the look after this wait, fails with <paramref name="situation"/> instead (out of time), keeping the
    /// AWS refusal that made it wait (<paramref name="because"/>) as the failure's code.
    /// </summary>
    public async Task WaitAsync(TimeSpan interval, string situation, bool record, CancellationToken cancellationToken,
        PublishFailedException? because = null)
    {
        var left = Left;
        if (left <= interval)
        {
            var limit = Deployment.CurrentStep is { } step ? Durations.Format(Options.TimeoutOf(step)) : "time";
            var ranOut = $"{situation} when the step's {limit} ran out";
            throw new PublishFailedException(because is null ? ranOut + "." : $"{because.Message} ({ranOut})", because?.Code, because, outOfTime: true);
        }
        var message = $"{situation}; waiting, {Durations.Format(left)} left.";
        if (record)
        {
            await NoteAsync(message, cancellationToken);
        }
        else
        {
            Report(message);
        }
        await Aws.DelayAsync(interval, cancellationToken);
    }
}
