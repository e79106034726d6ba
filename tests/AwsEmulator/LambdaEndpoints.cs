using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgePortal.Edge.Simulation;

namespace EdgePortal.AwsEmulator;

/// <summary>Lambda's REST-JSON routes (API version 2015-03-31) over the simulation.</summary>
public static class LambdaEndpoints
{
    public const string Prefix = "/2015-03-31/functions/";

    public static void Map(IEndpointRouteBuilder app, AwsSimulation simulation)
    {
        var lambda = simulation.Lambda;
        app.MapGet(Prefix + "{name}/configuration", (string name, string? qualifier) => Json(lambda.GetFunctionConfiguration(name, qualifier)))
            .WithName("GetFunctionConfiguration");

        app.MapPut(Prefix + "{name}/code", async (string name, HttpRequest request) =>
        {
            var body = await ReadObjectAsync(request);
            if (body["S3Bucket"] is not null || body["ImageUri"] is not null)
            {
                throw SimulationFailure("InvalidParameterValueException", "Only ZipFile is supported by this emulator.");
            }

            var zip = body["ZipFile"]?.GetValue<string>() is { } base64 ? Convert.FromBase64String(base64) : throw SimulationFailure("InvalidParameterValueException", "ZipFile is required.");
            var updated = lambda.UpdateFunctionCode(name, zip, body["RevisionId"]?.GetValue<string>());
            if (body["Publish"]?.GetValue<bool>() == true)
            {
                updated = lambda.PublishVersion(name, updated.CodeSha256, null, null);
            }

            return Json(updated);
        }).WithName("UpdateFunctionCode");

        app.MapPost(Prefix + "{name}/versions", async (string name, HttpRequest request) =>
        {
            var body = await ReadObjectAsync(request);
            var published = lambda.PublishVersion(name, body["CodeSha256"]?.GetValue<string>(), body["Description"]?.GetValue<string>(), body["RevisionId"]?.GetValue<string>());
            return Json(published, StatusCodes.Status201Created);
        }).WithName("PublishVersion");

        app.MapGet(Prefix + "{name}/versions", (string name, string? marker, int? maxItems) =>
        {
            var page = lambda.ListVersionsByFunction(name, marker, maxItems);
            var result = new JsonObject { ["Versions"] = new JsonArray([.. page.Versions.Select(ToJson)]) };
            if (page.NextMarker is not null)
            {
                result["NextMarker"] = page.NextMarker;
            }

            return Results.Text(result.ToJsonString(), "application/json");
        }).WithName("ListVersionsByFunction");

        app.MapDelete(Prefix + "{name}", (string name, string? qualifier) =>
        {
            lambda.DeleteFunction(name, qualifier);
            return Results.NoContent();
        }).WithName("DeleteFunction");
    }

    /// <summary>A configuration as Lambda writes it: Environment, Layers and VpcConfig appear only when the function has them.</summary>
    public static JsonObject ToJson(FunctionView view)
    {
        var json = Common(view);
        if (!view.Environment.IsEmpty)
        {
            json["Environment"] = new JsonObject { ["Variables"] = new JsonObject([.. view.Environment.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value))]) };
        }

        if (!view.Layers.IsEmpty)
        {
            json["Layers"] = new JsonArray([.. view.Layers.Select(arn => (JsonNode)new JsonObject { ["Arn"] = arn, ["CodeSize"] = 0 })]);
        }

        if (!view.VpcSubnetIds.IsEmpty)
        {
            json["VpcConfig"] = new JsonObject { ["SubnetIds"] = new JsonArray([.. view.VpcSubnetIds.Select(s => (JsonNode)s)]), ["SecurityGroupIds"] = new JsonArray(), ["VpcId"] = "vpc-0example" };
        }

        return json;
    }

    private static JsonObject Common(FunctionView view) => new()
    {
        ["FunctionName"] = view.FunctionName,
        ["FunctionArn"] = view.FunctionArn,
        ["Runtime"] = view.Runtime,
        ["Role"] = view.Role,
        ["Handler"] = view.Handler,
        ["CodeSize"] = view.CodeSize,
        ["Description"] = view.Description ?? "",
        ["Timeout"] = view.Timeout,
        ["MemorySize"] = view.MemorySize,
        ["LastModified"] = view.LastModified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture),
        ["CodeSha256"] = view.CodeSha256,
        ["Version"] = view.Version,
        ["TracingConfig"] = new JsonObject { ["Mode"] = "PassThrough" },
        ["RevisionId"] = view.RevisionId,
        ["State"] = view.State,
        ["LastUpdateStatus"] = view.LastUpdateStatus,
        ["PackageType"] = view.PackageType,
        ["Architectures"] = new JsonArray([.. view.Architectures.Select(a => (JsonNode)a)]),
        ["EphemeralStorage"] = new JsonObject { ["Size"] = view.EphemeralStorageSize },
    };

    private static IResult Json(FunctionView view, int status = StatusCodes.Status200OK) =>
        Results.Text(ToJson(view).ToJsonString(), "application/json", statusCode: status);

    private static async Task<JsonObject> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<JsonObject>(request.Body) ?? [];
        }
        catch (JsonException exception)
        {
            throw SimulationFailure("InvalidRequestContentException", $"Could not parse request body into json: {exception.Message}");
        }
    }

    private static SimulationException SimulationFailure(string code, string message) => new("Lambda", code, message, 400);
}
