using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using EdgePortal.Edge.Simulation;

namespace EdgePortal.AwsEmulator;

/// <summary>CloudFront's REST-XML routes (API version 2020-05-31) over the simulation.</summary>
public static class CloudFrontEndpoints
{
    public const string Prefix = "/2020-05-31/distribution/";

    private static readonly XNamespace Ns = CloudFrontSimulation.Namespace;

    public static void Map(IEndpointRouteBuilder app, AwsSimulation simulation)
    {
        var cloudFront = simulation.CloudFront;
        app.MapGet(Prefix + "{id}/config", (string id, HttpResponse response) =>
        {
            var (config, etag) = cloudFront.GetDistributionConfig(id);
            return Xml(response, XElement.Parse(config), etag);
        }).WithName("GetDistributionConfig");

        app.MapPut(Prefix + "{id}/config", async (string id, HttpRequest request, HttpResponse response) =>
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            var updated = cloudFront.UpdateDistribution(id, body, request.Headers.IfMatch.ToString());
            return Xml(response, Distribution(updated), updated.ETag);
        }).WithName("UpdateDistribution");

        app.MapGet(Prefix + "{id}", (string id, HttpResponse response) =>
        {
            var distribution = cloudFront.GetDistribution(id);
            return Xml(response, Distribution(distribution), distribution.ETag);
        }).WithName("GetDistribution");

        app.MapPost(Prefix + "{id}/invalidation", async (string id, HttpRequest request, HttpResponse response) =>
        {
            var (paths, callerReference) = ReadBatch(await new StreamReader(request.Body).ReadToEndAsync());
            var created = cloudFront.CreateInvalidation(id, paths, callerReference);
            response.Headers.Location = $"{request.Scheme}://{request.Host}{Prefix}{id}/invalidation/{created.Invalidation.Id}";
            return Xml(response, Invalidation(created.Invalidation), null, StatusCodes.Status201Created);
        }).WithName("CreateInvalidation");

        app.MapGet("/2020-05-31/cache-policy/{id}", (string id, HttpResponse response) =>
        {
            var (policy, etag) = cloudFront.GetCachePolicy(id);
            return Xml(response, CachePolicyXml.Document(policy), etag);
        }).WithName("GetCachePolicy");

        app.MapGet(Prefix + "{id}/invalidation/{invalidationId}", (string id, string invalidationId, HttpResponse response) =>
            Xml(response, Invalidation(cloudFront.GetInvalidation(id, invalidationId)), null)).WithName("GetInvalidation");
    }

    public static XElement Distribution(DistributionView view) =>
        new(Ns + "Distribution",
            new XElement(Ns + "Id", view.Id),
            new XElement(Ns + "ARN", view.Arn),
            new XElement(Ns + "Status", view.Status),
            new XElement(Ns + "LastModifiedTime", Timestamp(view.LastModifiedTime)),
            new XElement(Ns + "InProgressInvalidationBatches", view.InProgressInvalidationBatches),
            new XElement(Ns + "DomainName", view.DomainName),
            NotSigned("ActiveTrustedSigners"),
            NotSigned("ActiveTrustedKeyGroups"),
            XElement.Parse(view.ConfigXml));

    public static XElement Invalidation(InvalidationView view) =>
        new(Ns + "Invalidation",
            new XElement(Ns + "Id", view.Id),
            new XElement(Ns + "Status", view.Status),
            new XElement(Ns + "CreateTime", Timestamp(view.CreateTime)),
            new XElement(Ns + "InvalidationBatch",
                new XElement(Ns + "Paths",
                    new XElement(Ns + "Quantity", view.Paths.Count),
                    new XElement(Ns + "Items", view.Paths.Select(p => new XElement(Ns + "Path", p)))),
                new XElement(Ns + "CallerReference", view.CallerReference)));

    private static XElement NotSigned(string name) =>
        new(Ns + name, new XElement(Ns + "Enabled", "false"), new XElement(Ns + "Quantity", 0));

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static (IReadOnlyList<string> Paths, string CallerReference) ReadBatch(string body)
    {
        XElement root;
        try
        {
            root = XElement.Parse(body);
        }
        catch (XmlException exception)
        {
            throw new SimulationException("CloudFront", "MalformedXML", $"The XML document you provided was not well-formed: {exception.Message}", 400);
        }

        if (root.Name != Ns + "InvalidationBatch")
        {
            throw new SimulationException("CloudFront", "MalformedXML", $"The root element must be InvalidationBatch in the namespace {Ns}.", 400);
        }

        var pathsElement = root.Element(Ns + "Paths");
        var paths = pathsElement?.Element(Ns + "Items")?.Elements(Ns + "Path").Select(p => p.Value).ToList() ?? [];
        if (!int.TryParse(pathsElement?.Element(Ns + "Quantity")?.Value, CultureInfo.InvariantCulture, out var quantity) || quantity != paths.Count)
        {
            throw new SimulationException("CloudFront", "InconsistentQuantities", "The value of Quantity and the size of Items don't match.", 400);
        }

        return (paths, root.Element(Ns + "CallerReference")?.Value ?? "");
    }

    private static IResult Xml(HttpResponse response, XElement root, string? etag, int status = StatusCodes.Status200OK)
    {
        if (etag is not null)
        {
            response.Headers.ETag = etag;
        }

        return Results.Text("<?xml version=\"1.0\"?>\n" + root.ToString(SaveOptions.DisableFormatting), "text/xml", statusCode: status);
    }
}
