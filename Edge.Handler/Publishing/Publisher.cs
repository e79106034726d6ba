namespace EdgePortal.Edge.Publishing;

/// <summary>
/// Runs the publish steps of docs/publishing.md for one deployment at a time per target. Every step is
/// recorded as started before it runs and finished (with what it produced) after, so running a
/// deployment again, in this process or another, carries on after its last finished step.
/// </summary>
public sealed class Publisher(IDeploymentStore store, IShippingClientFactory clients, PublisherOptions options, TimeProvider timeProvider)
{
    private static readonly PublishStep[] _steps = Enum.GetValues<PublishStep>();

    /// <summary>Validates the request and records a Queued deployment for it; bad input throws with every problem.</summary>
    public async Task<Deployment> CreateAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        var problems = PublishRequestValidator.Validate(request);
        if (problems.Count > 0)
        {
            throw new ArgumentException("The publish request is not valid: " + string.Join(" ", problems), nameof(request));
        }
        return await store.CreateAsync(request, cancellationToken);
    }

    /// <summary>
    /// Runs or resumes a deployment until it Succeeds or Fails. A Failed deployment may be run again:
    /// every step is safe to repeat. Throws <see cref="TargetBusyException"/>, leaving the deployment as it
    /// was, when another deployment holds the target; cancellation leaves it Running, to be resumed.
    /// </summary>
    public async Task<Deployment> RunAsync(string deploymentId, IProgress<PublishProgress>? progress, CancellationToken cancellationToken)
    {
        var deployment = await store.LoadAsync(deploymentId, cancellationToken)
            ?? throw new ArgumentException($"There is no deployment '{deploymentId}'.", nameof(deploymentId));
        if (deployment.State == DeploymentState.Succeeded)
        {
            // A process stopped between recording success and releasing the target.
            await store.ReleaseTargetLockAsync(deployment.TargetId, deployment.Id, cancellationToken);
            return deployment;
        }
        await AcquireTargetAsync(deployment, cancellationToken);

        ShippingClients shipping;
        try
        {
            shipping = clients.Create(deployment.Request.Target);
        }
        catch (Exception error) when (error is PublishFailedException or ArgumentException or InvalidOperationException
            or Amazon.Runtime.AmazonClientException)
        {
            // No credentials, or a target that cannot be reached: nothing ran, nothing to undo.
            var failed = deployment with { State = DeploymentState.Failed, Error = $"Connect to {deployment.TargetId}: {error.Message}", FinishedAt = timeProvider.GetUtcNow() };
            await store.SaveAsync(failed, new DeploymentLogEntry(null, StepEvent.Failed, failed.Error, timeProvider.GetUtcNow()), cancellationToken);
            await store.ReleaseTargetLockAsync(deployment.TargetId, deployment.Id, cancellationToken);
            return failed;
        }

        var run = new PublishRun(deployment, shipping, store, options, timeProvider, progress);
        try
        {
            await run.RecordAsync(deployment with { State = DeploymentState.Running, Error = null, ErrorCode = null, FinishedAt = null },
                StepEvent.Note, Resuming(deployment), cancellationToken);
            foreach (var step in _steps.Where(s => deployment.LastFinishedStep is not { } last || s > last))
            {
                await RunStepAsync(run, step, cancellationToken);
            }
        }
        catch (PublishFailedException failure)
        {
            await FailAsync(run, failure.Message, failure.Code, cancellationToken);
        }
        catch (Exception unexpected) when (unexpected is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A bug or a broken store must not leave the target locked with no one to finish the deployment.
            await FailAsync(run, $"failed unexpectedly: {unexpected.Message}", null, cancellationToken);
            await store.ReleaseTargetLockAsync(deployment.TargetId, deployment.Id, CancellationToken.None);
            throw;
        }
        if (run.Deployment.IsFinished)
        {
            await store.ReleaseTargetLockAsync(deployment.TargetId, deployment.Id, cancellationToken);
        }
        return run.Deployment;
    }

    /// <summary>
    /// Puts a Failed deployment back as Queued, to be run again from its failed step (for one left "associated;
    /// deployment not confirmed", that is the wait for Deployed), with <paramref name="why"/> in its log.
    /// </summary>
    public async Task<Deployment> RequeueAsync(string deploymentId, string why, CancellationToken cancellationToken)
    {
        var deployment = await store.LoadAsync(deploymentId, cancellationToken)
            ?? throw new ArgumentException($"There is no deployment '{deploymentId}'.", nameof(deploymentId));
        if (deployment.State != DeploymentState.Failed)
        {
            throw new InvalidOperationException($"Deployment {deploymentId} is {deployment.State}; only a failed one can be queued again.");
        }
        var now = timeProvider.GetUtcNow();
        var queued = deployment with { State = DeploymentState.Queued, UpdatedAt = now };
        await store.SaveAsync(queued, new DeploymentLogEntry(null, StepEvent.Note, why, now), cancellationToken);
        return queued;
    }

    /// <summary>Runs every deployment a stopped process left unfinished whose target is free, oldest first.</summary>
    public async Task<IReadOnlyList<Deployment>> ResumeUnfinishedAsync(IProgress<PublishProgress>? progress, CancellationToken cancellationToken)
    {
        var results = new List<Deployment>();
        foreach (var deployment in await store.ListUnfinishedAsync(cancellationToken))
        {
            if (deployment.State != DeploymentState.Running)
            {
                continue;
            }
            try
            {
                results.Add(await RunAsync(deployment.Id, progress, cancellationToken));
            }
            catch (TargetBusyException)
            {
                // Another process resumed it first; it is in good hands.
            }
        }
        return results;
    }

    /// <summary>Takes the target, or throws <see cref="TargetBusyException"/>; a holder that has finished lost its lock in a crash and is passed over.</summary>
    private async Task AcquireTargetAsync(Deployment deployment, CancellationToken cancellationToken)
    {
        var taken = await store.TryAcquireTargetLockAsync(deployment.TargetId, deployment.Id, cancellationToken);
        if (!taken.Acquired && await store.LoadAsync(taken.HolderDeploymentId, cancellationToken) is null or { IsFinished: true })
        {
            await store.ReleaseTargetLockAsync(deployment.TargetId, taken.HolderDeploymentId, cancellationToken);
            taken = await store.TryAcquireTargetLockAsync(deployment.TargetId, deployment.Id, cancellationToken);
        }
        if (!taken.Acquired)
        {
            throw new TargetBusyException(deployment.TargetId, deployment.Id, taken.HolderDeploymentId);
        }
    }

    private static async Task RunStepAsync(PublishRun run, PublishStep step, CancellationToken cancellationToken)
    {
        var timeout = run.Options.TimeoutOf(step);
        await run.RecordAsync(run.Deployment with { CurrentStep = step, StepDeadline = run.Aws.Now + timeout },
            StepEvent.Started, $"{Title(step)} (within {Durations.Format(timeout)}).", cancellationToken);
        var outcome = step switch
        {
            PublishStep.Preflight => await PreflightStep.RunAsync(run, cancellationToken),
            PublishStep.Package => PackageStep.Run(run),
            PublishStep.Version => await VersionStep.RunAsync(run, cancellationToken),
            PublishStep.Associate => await AssociationStep.RunAsync(run, cancellationToken),
            PublishStep.WaitDeployed => await DeployedStep.RunAsync(run, cancellationToken),
            PublishStep.Invalidate => await InvalidationStep.RunAsync(run, cancellationToken),
            _ => Live(run),
        };
        await run.RecordAsync(outcome.Deployment with { CurrentStep = null, StepDeadline = null, LastFinishedStep = step },
            StepEvent.Finished, outcome.Message, cancellationToken);
    }

    private static StepOutcome Live(PublishRun run)
    {
        var deployment = run.Deployment with { State = DeploymentState.Succeeded, DeploymentUnconfirmed = false, FinishedAt = run.Aws.Now };
        return new StepOutcome(deployment,
            $"Revision {run.Request.RevisionId} is live on {run.Target.Name} as {deployment.VersionArn}.");
    }

    private static async Task FailAsync(PublishRun run, string error, string? code, CancellationToken cancellationToken)
    {
        var step = run.Deployment.CurrentStep;
        var message = step is null ? error : $"{Title(step.Value)}: {error}";
        // Past the association the edge may run this version whatever went wrong: say so rather than "Failed" alone.
        var unconfirmed = run.Deployment.LastFinishedStep >= PublishStep.Associate;
        if (unconfirmed)
        {
            message = $"{Deployment.UnconfirmedText}. {message} Resume the wait to confirm it.";
        }
        var failed = run.Deployment with
        {
            State = DeploymentState.Failed,
            Error = message,
            ErrorCode = code,
            DeploymentUnconfirmed = unconfirmed,
            StepDeadline = null,
            FinishedAt = run.Aws.Now,
        };
        await run.RecordAsync(failed, StepEvent.Failed, message, CancellationToken.None);
    }

    private static string Resuming(Deployment deployment) => deployment.LastFinishedStep is { } last
        ? $"Resuming after {Title(last)}."
        : $"Publishing revision {deployment.Request.RevisionId} to {deployment.TargetId}.";

    public static string Title(PublishStep step) => step switch
    {
        PublishStep.Preflight => "Check the target",
        PublishStep.Package => "Check the package",
        PublishStep.Version => "Publish the Lambda version",
        PublishStep.Associate => "Associate the cache behaviours",
        PublishStep.WaitDeployed => "Wait until the distribution is Deployed",
        PublishStep.Invalidate => "Invalidate the planned paths",
        _ => "Mark the revision live",
    };
}
