using System.Text;
using EdgePortal.Edge.Simulation;
using Microsoft.AspNetCore.Http.Features;

namespace EdgePortal.AwsEmulator;

/// <summary>What happens to every API request before and around its endpoint: capture, signature check, faults, AWS-shaped errors.</summary>
public sealed class EmulatorPipeline(EmulatorOptions options, AwsSimulation simulation, FaultInjector faults, RequestLog log, SignatureVerifier verifier)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments(AdminEndpoints.Prefix))
        {
            await next(context);
            return;
        }

        var service = context.Request.Path switch
        {
            var path when path.StartsWithSegments("/2015-03-31") => AwsService.Lambda,
            var path when path.StartsWithSegments("/2020-05-31") => AwsService.CloudFront,
            var path when path.StartsWithSegments(IamEndpoints.Prefix) => AwsService.Iam,
            _ => AwsService.Sts,
        };
        context.Response.Headers["x-amzn-RequestId"] = context.TraceIdentifier;
        context.Request.EnableBuffering();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        context.Request.Body.Position = 0;

        var operation = context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "Unknown";
        if (options.CaptureRequests)
        {
            log.Add(Capture(context, operation, body));
        }

        if (verifier.Verify(context, body, service) is { } refused)
        {
            await WireErrors.WriteAsync(context, service, refused);
            return;
        }

        try
        {
            if (await ApplyFaultAsync(context, operation, service) is false)
            {
                return;
            }

            await next(context);
        }
        catch (SimulationException exception)
        {
            await WireErrors.WriteAsync(context, service, new WireError(exception.StatusCode, exception.Code, exception.AwsMessage));
        }
    }

    /// <summary>False when the fault answered the request itself.</summary>
    private async Task<bool> ApplyFaultAsync(HttpContext context, string operation, AwsService service)
    {
        var fault = faults.Take(operation);
        switch (fault?.Kind)
        {
            case null:
                return true;
            case FaultKind.Slow:
                await Task.Delay(fault.Delay ?? TimeSpan.FromSeconds(5), context.RequestAborted);
                return true;
            case FaultKind.ConcurrentWriter:
                if (context.GetRouteValue("id") is string id)
                {
                    simulation.CloudFront.TouchDistribution(id);
                }

                return true;
            case FaultKind.Throttle when service == AwsService.Lambda:
                await WireErrors.LambdaAsync(context, new WireError(429, "TooManyRequestsException", "Rate exceeded"), fault.RetryAfter ?? TimeSpan.FromSeconds(1));
                return false;
            case FaultKind.Throttle:
                await WireErrors.CloudFrontAsync(context, new WireError(400, "Throttling", "Rate exceeded"));
                return false;
            case FaultKind.ServerError:
                await WireErrors.WriteAsync(context, service, service == AwsService.Lambda
                    ? new WireError(500, "ServiceException", "An internal error occurred.")
                    : new WireError(500, "InternalError", "We encountered an internal error. Please try again."));
                return false;
            case FaultKind.Conflict:
                await WireErrors.WriteAsync(context, service, new WireError(409, "ResourceConflictException",
                    "The operation cannot be performed at this time. An update is in progress for resource: (injected fault)"));
                return false;
            default:
                throw new InvalidOperationException($"Unknown fault kind {fault.Kind}.");
        }
    }

    private static CapturedRequest Capture(HttpContext context, string operation, byte[] body)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        return new CapturedRequest(
            operation,
            context.Request.Method,
            question < 0 ? rawTarget : rawTarget[..question],
            question < 0 ? "" : rawTarget[(question + 1)..],
            context.Request.ContentType,
            context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
            Encoding.UTF8.GetString(body));
    }
}
