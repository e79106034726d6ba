using EdgePortal.Rules.Document;

namespace EdgePortal.Edge.Build;

/// <summary>Builds handler packages; the injectable face of <see cref="HandlerBuilder"/>, so callers can be tested with a fake.</summary>
public interface IHandlerBuilder
{
    /// <inheritdoc cref="HandlerBuilder.Build"/>
    HandlerBuild Build(RulesDocument document, string revisionId, string documentSha256, HandlerSizeLimit? limit = null);
}

/// <summary>The real builder.</summary>
public sealed class DefaultHandlerBuilder : IHandlerBuilder
{
    public HandlerBuild Build(RulesDocument document, string revisionId, string documentSha256, HandlerSizeLimit? limit = null) =>
        HandlerBuilder.Build(document, revisionId, documentSha256, limit);
}
