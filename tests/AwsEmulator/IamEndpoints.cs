using System.Globalization;
using System.Xml.Linq;
using EdgePortal.Edge.Simulation;

namespace EdgePortal.AwsEmulator;

/// <summary>
/// IAM GetRole (query protocol, API version 2010-05-08). IAM's real endpoint takes requests at <c>/</c>, which STS
/// already has here, so the emulator serves IAM under <c>/iam/</c>: point a client's IAM endpoint at it.
/// </summary>
public static class IamEndpoints
{
    public const string Prefix = "/iam";

    public static readonly XNamespace Ns = "https://iam.amazonaws.com/doc/2010-05-08/";

    public static void Map(IEndpointRouteBuilder app, AwsSimulation simulation)
    {
        app.MapPost(Prefix + "/", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["Action"] != "GetRole")
            {
                throw new SimulationException("IAM", "InvalidAction", $"Could not find operation {form["Action"]} for version {form["Version"]}", 400);
            }

            var role = simulation.Iam.GetRole(form["RoleName"].ToString());
            var response = new XElement(Ns + "GetRoleResponse",
                new XElement(Ns + "GetRoleResult",
                    new XElement(Ns + "Role",
                        new XElement(Ns + "Path", "/"),
                        // IAM sends the trust policy URL-encoded inside the XML.
                        new XElement(Ns + "AssumeRolePolicyDocument", Uri.EscapeDataString(role.AssumeRolePolicyDocument)),
                        new XElement(Ns + "MaxSessionDuration", 3600),
                        new XElement(Ns + "RoleId", "AROAEXAMPLE" + role.Name.Length.ToString(CultureInfo.InvariantCulture)),
                        new XElement(Ns + "RoleName", role.Name),
                        new XElement(Ns + "Arn", simulation.Iam.ArnOf(role.Name)),
                        new XElement(Ns + "CreateDate", role.CreateDate.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)))),
                new XElement(Ns + "ResponseMetadata", new XElement(Ns + "RequestId", request.HttpContext.TraceIdentifier)));
            return Results.Text(response.ToString(SaveOptions.DisableFormatting), "text/xml");
        }).WithName("GetRole");
    }
}
