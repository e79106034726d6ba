using System.Xml.Linq;
using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Shipping;

namespace EdgePortal.Portal.Services.Versions;

/// <summary>
/// What refers to each version ARN, in sentences: associations on distributions (any behaviour, any event type: another
/// tool's association counts too) and deployments. Associations, the live deployment of each target and deployments not
/// finished (or not confirmed) keep a version; older deployments are listed but do not.
/// </summary>
public sealed class VersionReferences
{
    private static readonly XNamespace Ns = DistributionConfigEditor.Ns;

    private readonly Dictionary<string, List<string>> _sentences = new(StringComparer.Ordinal);
    private readonly HashSet<string> _keeping = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Of(string arn) => _sentences.GetValueOrDefault(arn) ?? [];

    public bool Keeps(string arn) => _keeping.Contains(arn);

    public void AddDistribution(string distributionId, string configXml)
    {
        var config = XElement.Parse(configXml);
        var behaviours = new List<(string Pattern, XElement Behaviour)>();
        if (config.Element(Ns + "DefaultCacheBehavior") is { } fallback)
        {
            behaviours.Add((Target.DefaultBehavior, fallback));
        }
        behaviours.AddRange(config.Elements(Ns + "CacheBehaviors").Elements(Ns + "Items").Elements(Ns + "CacheBehavior")
            .Select(b => (b.Element(Ns + "PathPattern")?.Value ?? "", b)));
        foreach (var (pattern, behaviour) in behaviours)
        {
            var byArn = behaviour.Elements(Ns + "LambdaFunctionAssociations").Elements(Ns + "Items").Elements(Ns + "LambdaFunctionAssociation")
                .GroupBy(a => a.Element(Ns + "LambdaFunctionARN")?.Value ?? "", a => a.Element(Ns + "EventType")?.Value ?? "");
            foreach (var group in byArn)
            {
                Add(group.Key, $"distribution {distributionId}, behaviour {pattern} ({string.Join(", ", group)})", keeps: true);
            }
        }
    }

    /// <param name="revisionNumbers">The portal's revision numbers by revision id, to name revisions as the pages do.</param>
    public void AddDeployments(string targetId, IReadOnlyList<Deployment> newestFirst, IReadOnlyDictionary<string, int> revisionNumbers)
    {
        var live = newestFirst.FirstOrDefault(d => d.State == DeploymentState.Succeeded);
        foreach (var deployment in newestFirst.Where(d => d.VersionArn is not null))
        {
            var revision = revisionNumbers.TryGetValue(deployment.Request.RevisionId, out var number) ? $"revision #{number}" : $"revision {deployment.Request.RevisionId}";
            if (deployment == live)
            {
                Add(deployment.VersionArn!, $"live on {targetId}: {revision} (deployment {deployment.Id})", keeps: true);
            }
            else if (!deployment.IsFinished || deployment.DeploymentUnconfirmed)
            {
                Add(deployment.VersionArn!, $"deployment {deployment.Id} to {targetId}, {revision}, is {deployment.StateText}", keeps: true);
            }
            else
            {
                Add(deployment.VersionArn!, $"was published to {targetId} for {revision} (deployment {deployment.Id})", keeps: false);
            }
        }
    }

    private void Add(string arn, string sentence, bool keeps)
    {
        if (!_sentences.TryGetValue(arn, out var list))
        {
            _sentences[arn] = list = [];
        }
        if (!list.Contains(sentence))
        {
            list.Add(sentence);
        }
        if (keeps)
        {
            _keeping.Add(arn);
        }
    }
}
