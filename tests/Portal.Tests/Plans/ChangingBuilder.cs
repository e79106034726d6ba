using EdgePortal.Edge.Build;
using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Tests.Plans;

/// <summary>The real builder, until a test says a new builder version is out: its packages then differ (other bytes, another CodeSha256).</summary>
public sealed class ChangingBuilder : IHandlerBuilder
{
    private int _version = 1;

    public int Version
    {
        get => Volatile.Read(ref _version);
        set => Volatile.Write(ref _version, value);
    }

    public HandlerBuild Build(RulesDocument document, string revisionId, string documentSha256, HandlerSizeLimit? limit = null) =>
        // Another valid hash baked into rules.json is enough to change every byte's digest.
        HandlerBuilder.Build(document, revisionId, Version == 1 ? documentSha256 : new string([.. documentSha256.Reverse()]), limit);
}
