namespace EdgePortal.Edge.Publishing;

/// <summary>What a finished step produced (recorded with its "finished" line) and the line's message.</summary>
internal sealed record StepOutcome(Deployment Deployment, string Message);
