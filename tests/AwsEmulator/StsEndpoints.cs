using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using EdgePortal.Edge.Simulation;

namespace EdgePortal.AwsEmulator;

/// <summary>STS AssumeRole (query protocol, API version 2011-06-15), so the role option can be tested end to end.</summary>
public static partial class StsEndpoints
{
    public static readonly XNamespace Ns = "https://sts.amazonaws.com/doc/2011-06-15/";

    public static void Map(IEndpointRouteBuilder app, CredentialStore credentials, AwsSimulation simulation)
    {
        app.MapPost("/", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["Action"] != "AssumeRole")
            {
                throw new SimulationException("STS", "InvalidAction", $"Could not find operation {form["Action"]} for version {form["Version"]}", 400);
            }

            var roleArn = form["RoleArn"].ToString();
            var session = form["RoleSessionName"].ToString();
            var role = RoleArn().Match(roleArn);
            if (!role.Success || role.Groups["account"].Value != simulation.Options.AccountId)
            {
                throw new SimulationException("STS", "AccessDenied", $"User is not authorized to perform: sts:AssumeRole on resource: {roleArn}", 403);
            }

            var (key, secret, token) = credentials.Issue();
            var expiration = simulation.Time.GetUtcNow().AddHours(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            var response = new XElement(Ns + "AssumeRoleResponse",
                new XElement(Ns + "AssumeRoleResult",
                    new XElement(Ns + "Credentials",
                        new XElement(Ns + "AccessKeyId", key),
                        new XElement(Ns + "SecretAccessKey", secret),
                        new XElement(Ns + "SessionToken", token),
                        new XElement(Ns + "Expiration", expiration)),
                    new XElement(Ns + "AssumedRoleUser",
                        new XElement(Ns + "AssumedRoleId", $"AROAEXAMPLE:{session}"),
                        new XElement(Ns + "Arn", $"arn:aws:sts::{simulation.Options.AccountId}:assumed-role/{role.Groups["name"].Value}/{session}"))),
                new XElement(Ns + "ResponseMetadata", new XElement(Ns + "RequestId", request.HttpContext.TraceIdentifier)));
            return Results.Text(response.ToString(SaveOptions.DisableFormatting), "text/xml");
        }).WithName("AssumeRole");
    }

    [GeneratedRegex("^arn:aws:iam::(?<account>[0-9]{12}):role/(?:[^/]+/)*(?<name>[^/]+)$")]
    private static partial Regex RoleArn();
}
