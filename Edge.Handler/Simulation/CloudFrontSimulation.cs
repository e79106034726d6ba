using System.Xml;
using System.Xml.Linq;

namespace EdgePortal.Edge.Simulation;

/// <summary>The CloudFront operations publishing uses: whole-config replacement guarded by ETags, propagation, invalidations.</summary>
public sealed class CloudFrontSimulation
{
    public const string Namespace = "http://cloudfront.amazonaws.com/doc/2020-05-31/";

    private readonly AwsSimulation _simulation;

    internal CloudFrontSimulation(AwsSimulation simulation) => _simulation = simulation;

    /// <summary>Adds (or replaces) a distribution, already deployed; for seeding and the local target.</summary>
    public DistributionView CreateDistribution(string id, string configXml)
    {
        var config = ParseConfig(configXml);
        return _simulation.Write((_, distributions) =>
        {
            var now = _simulation.Now;
            var record = new DistributionRecord
            {
                Id = id,
                ConfigXml = config.ToString(SaveOptions.DisableFormatting),
                ETag = AwsSimulation.NewCloudFrontId('E'),
                LastModified = now,
                DeployedAt = now,
            };
            distributions[id] = record;
            return View(record);
        });
    }

    public (string ConfigXml, string ETag) GetDistributionConfig(string id) =>
        _simulation.Read((_, distributions) =>
        {
            var distribution = Find(distributions, id);
            return (distribution.ConfigXml, distribution.ETag);
        });

    public DistributionView GetDistribution(string id) => _simulation.Read((_, distributions) => View(Find(distributions, id)));

    /// <summary>Replaces the whole config when <paramref name="ifMatch"/> is the current ETag; nothing is merged.</summary>
    public DistributionView UpdateDistribution(string id, string configXml, string? ifMatch) =>
        _simulation.Write((functions, distributions) =>
        {
            var distribution = Find(distributions, id);
            if (string.IsNullOrEmpty(ifMatch))
            {
                throw SimulationException.CloudFront("InvalidIfMatchVersion", "The If-Match version is missing or not valid for the resource.", 400);
            }

            if (ifMatch != distribution.ETag)
            {
                throw SimulationException.CloudFront("PreconditionFailed", "The If-Match version is missing or not valid for the resource.", 412);
            }

            var config = ParseConfig(configXml);
            var oldReference = XElement.Parse(distribution.ConfigXml).Element(XName.Get("CallerReference", Namespace))?.Value;
            if (config.Element(XName.Get("CallerReference", Namespace))?.Value != oldReference)
            {
                throw SimulationException.CloudFront("IllegalUpdate", "Parameter CallerReference cannot be updated.", 400);
            }

            ConfigRules.CheckQuantities(config);
            EdgeAssociationRules.Check(config, _simulation.Options, functions, _simulation.AccountWhileLocked);
            var now = _simulation.Now;
            var updated = distribution with
            {
                ConfigXml = config.ToString(SaveOptions.DisableFormatting),
                ETag = AwsSimulation.NewCloudFrontId('E'),
                LastModified = now,
                DeployedAt = now + _simulation.Options.PropagationDelay,
            };
            distributions[id] = updated;
            ReplicaRules.Release(functions, distributions, distribution.ConfigXml, now + _simulation.Options.ReplicaRetention);
            return View(updated);
        });

    /// <summary>
    /// Someone outside the portal edits the distribution (the console, a Terraform run): <paramref name="change"/> is
    /// written as an UpdateDistribution would write it, with the same checks, a new ETag and propagation (drift in tests).
    /// </summary>
    public DistributionView ChangeOutsidePortal(string id, Shipping.DistributionConfigChange change)
    {
        var (xml, etag) = GetDistributionConfig(id);
        string edited;
        try
        {
            edited = Shipping.DistributionConfigEditor.Apply(xml, change);
        }
        catch (ArgumentException error)
        {
            throw SimulationException.CloudFront("InvalidArgument", error.Message, 400);
        }

        return UpdateDistribution(id, edited, etag);
    }

    /// <summary>Another writer changed the distribution: a new ETag, the config unchanged (fault injection).</summary>
    public string TouchDistribution(string id) =>
        _simulation.Write((_, distributions) =>
        {
            var distribution = Find(distributions, id);
            var touched = distribution with { ETag = AwsSimulation.NewCloudFrontId('E'), LastModified = _simulation.Now };
            distributions[id] = touched;
            return touched.ETag;
        });

    public InvalidationCreated CreateInvalidation(string distributionId, IReadOnlyList<string> paths, string callerReference) =>
        _simulation.Write((_, distributions) =>
        {
            var distribution = Find(distributions, distributionId);
            var now = _simulation.Now;
            var existing = distribution.Invalidations.FirstOrDefault(i => i.CallerReference == callerReference);
            if (existing is not null)
            {
                if (!existing.Paths.Order(StringComparer.Ordinal).SequenceEqual(paths.Order(StringComparer.Ordinal)))
                {
                    throw SimulationException.CloudFront("InvalidationBatchAlreadyExists",
                        "The caller reference that you are using to create an invalidation batch is already in use.", 409);
                }

                return new InvalidationCreated(View(existing, now), false);
            }

            InvalidationRules.Check(paths, callerReference, distribution.Invalidations.Where(i => now < i.CompletesAt));
            var created = new InvalidationRecord(AwsSimulation.NewCloudFrontId('I'), callerReference, [.. paths], now, now + _simulation.Options.InvalidationDelay);
            distributions[distributionId] = distribution with { Invalidations = [.. distribution.Invalidations, created] };
            return new InvalidationCreated(View(created, now), true);
        });

    public InvalidationView GetInvalidation(string distributionId, string invalidationId) =>
        _simulation.Read((_, distributions) =>
        {
            var invalidation = Find(distributions, distributionId).Invalidations.FirstOrDefault(i => i.Id == invalidationId)
                ?? throw SimulationException.CloudFront("NoSuchInvalidation", "The specified invalidation does not exist.", 404);
            return View(invalidation, _simulation.Now);
        });

    /// <summary>Adds (or replaces) a custom cache policy; for seeding and tests.</summary>
    public CachePolicyRecord CreateCachePolicy(CachePolicyRecord policy) =>
        _simulation.Account(account => account.CachePolicies[policy.Id] = policy with { LastModified = _simulation.Now });

    /// <summary>A custom policy of this account or one AWS manages; the ETag is stable because nothing here changes a policy.</summary>
    public (CachePolicyRecord Policy, string ETag) GetCachePolicy(string id)
    {
        var policy = _simulation.Account(account => account.CachePolicies.GetValueOrDefault(id)) ?? ManagedCachePolicies.Find(id)
            ?? throw SimulationException.CloudFront("NoSuchCachePolicy", "The cache policy does not exist.", 404);
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(policy.Id + policy.LastModified.ToUnixTimeMilliseconds()));
        return (policy, "E" + Convert.ToHexString(hash)[..13]);
    }

    /// <summary>Parses a DistributionConfig document the way CloudFront reads a request body.</summary>
    public static XElement ParseConfig(string configXml)
    {
        XElement root;
        try
        {
            root = XElement.Parse(configXml, LoadOptions.None);
        }
        catch (XmlException exception)
        {
            throw SimulationException.CloudFront("MalformedXML", $"The XML document you provided was not well-formed: {exception.Message}", 400);
        }

        if (root.Name != XName.Get("DistributionConfig", Namespace))
        {
            throw SimulationException.CloudFront("MalformedXML",
                $"The XML document must have the root element DistributionConfig in the namespace {Namespace}; found {root.Name}.", 400);
        }

        return root;
    }

    private static DistributionRecord Find(IReadOnlyDictionary<string, DistributionRecord> distributions, string id) =>
        distributions.TryGetValue(id, out var distribution)
            ? distribution
            : throw SimulationException.CloudFront("NoSuchDistribution", "The specified distribution does not exist.", 404);

    private DistributionView View(DistributionRecord distribution)
    {
        var now = _simulation.Now;
        return new DistributionView(
            distribution.Id,
            $"arn:aws:cloudfront::{_simulation.Options.AccountId}:distribution/{distribution.Id}",
            now < distribution.DeployedAt ? "InProgress" : "Deployed",
            distribution.LastModified,
            distribution.Invalidations.Count(i => now < i.CompletesAt),
            $"d{distribution.Id.ToLowerInvariant()}.cloudfront.net",
            distribution.ConfigXml,
            distribution.ETag);
    }

    private static InvalidationView View(InvalidationRecord invalidation, DateTimeOffset now) =>
        new(invalidation.Id, now < invalidation.CompletesAt ? "InProgress" : "Completed", invalidation.CreateTime, invalidation.CallerReference, invalidation.Paths);
}
