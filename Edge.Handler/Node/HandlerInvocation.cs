using System.Text.Json.Nodes;

namespace EdgePortal.Edge.Node;

/// <summary>One run of the handler: what it returned (JSON), the error it threw (if any) and what it logged.</summary>
public sealed record HandlerInvocation(JsonNode? Result, string? Error, IReadOnlyList<string> Logs)
{
    public bool Succeeded => Error is null;
}
