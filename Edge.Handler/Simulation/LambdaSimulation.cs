namespace EdgePortal.Edge.Simulation;

/// <summary>The Lambda operations publishing uses, with Lambda's rules (revision ids, update-in-progress conflicts, publish-if-changed).</summary>
public sealed class LambdaSimulation
{
    /// <summary>Lambda's limit for a zip uploaded directly; also the Lambda@Edge limit for origin events.</summary>
    public const long MaxZipBytes = 50L * 1024 * 1024;

    private readonly AwsSimulation _simulation;

    internal LambdaSimulation(AwsSimulation simulation) => _simulation = simulation;

    private string Region => _simulation.Options.Region;

    private string Account => _simulation.Options.AccountId;

    public string ArnOf(string name) => $"arn:aws:lambda:{Region}:{Account}:function:{name}";

    /// <summary>Creates (or replaces) a function with its first code at $LATEST; for seeding and the local target.</summary>
    public FunctionView CreateFunction(string name, byte[] zipFile, string? description = null) =>
        _simulation.Write((functions, _) =>
        {
            var function = new FunctionRecord
            {
                Name = name,
                Role = $"arn:aws:iam::{Account}:role/edge-rules-execution",
                Description = description,
                Code = AwsSimulation.Package(zipFile),
                RevisionId = Guid.NewGuid().ToString(),
                LastModified = _simulation.Now,
            };
            functions[name] = function;
            return View(function, null);
        });

    /// <summary>
    /// Changes a function's settings (runtime, role, environment, layers, ...) for seeding and tests. Published
    /// versions report the function's current settings: the simulation keeps one configuration per function.
    /// </summary>
    public FunctionView Configure(string functionName, Func<FunctionRecord, FunctionRecord> change) =>
        _simulation.Write((functions, _) =>
        {
            var (function, _) = Find(functions, functionName);
            var changed = change(function) with { Name = function.Name, RevisionId = Guid.NewGuid().ToString(), LastModified = _simulation.Now };
            functions[function.Name] = changed;
            return View(changed, null);
        });

    /// <summary>Sets $LATEST to <paramref name="zipFile"/> and publishes it at once, leaving no update in progress (seeding only).</summary>
    public FunctionView SeedVersion(string functionName, byte[] zipFile, string? description) =>
        _simulation.Write((functions, _) =>
        {
            var (function, _) = Find(functions, functionName);
            var code = AwsSimulation.Package(zipFile);
            var number = function.LastVersionNumber + 1;
            var version = new VersionRecord(number.ToString(System.Globalization.CultureInfo.InvariantCulture), code, description, Guid.NewGuid().ToString(), _simulation.Now);
            var updated = function with
            {
                Code = code,
                RevisionId = Guid.NewGuid().ToString(),
                LastVersionNumber = number,
                Versions = [.. function.Versions, version],
                UpdateCompletesAt = null,
            };
            functions[function.Name] = updated;
            return View(updated, version.Version);
        });

    public FunctionView GetFunctionConfiguration(string functionName, string? qualifier) =>
        _simulation.Read((functions, _) =>
        {
            var (function, arnQualifier) = Find(functions, functionName);
            return View(function, qualifier ?? arnQualifier);
        });

    public FunctionView UpdateFunctionCode(string functionName, byte[] zipFile, string? revisionId) =>
        _simulation.Write((functions, _) =>
        {
            var (function, _) = Find(functions, functionName);
            EnsureWritable(function, revisionId);
            CheckZip(zipFile);
            var now = _simulation.Now;
            var delay = _simulation.Options.FunctionUpdateDelay;
            var updated = function with
            {
                Code = AwsSimulation.Package(zipFile),
                RevisionId = Guid.NewGuid().ToString(),
                LastModified = now,
                UpdateCompletesAt = delay > TimeSpan.Zero ? now + delay : null,
            };
            functions[function.Name] = updated;
            return View(updated, null);
        });

    /// <summary>Publishes $LATEST; when its code is what the newest version already has, returns that version instead.</summary>
    public FunctionView PublishVersion(string functionName, string? codeSha256, string? description, string? revisionId) =>
        _simulation.Write((functions, _) =>
        {
            var (function, _) = Find(functions, functionName);
            EnsureWritable(function, revisionId);
            if (codeSha256 is not null && codeSha256 != function.Code.CodeSha256)
            {
                throw SimulationException.Lambda("InvalidParameterValueException",
                    $"CodeSHA256 ({codeSha256}) is different from current CodeSHA256 in $LATEST ({function.Code.CodeSha256}). Please try again with the CodeSHA256 in $LATEST.", 400);
            }

            var newest = function.Versions.Count > 0 ? function.Versions[^1] : null;
            if (newest is not null && newest.Code.CodeSha256 == function.Code.CodeSha256)
            {
                return View(function, newest.Version);
            }

            var number = (function.LastVersionNumber + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var version = new VersionRecord(number, function.Code, description ?? function.Description, Guid.NewGuid().ToString(), _simulation.Now);
            var updated = function with
            {
                LastVersionNumber = function.LastVersionNumber + 1,
                Versions = [.. function.Versions, version],
                RevisionId = Guid.NewGuid().ToString(),
            };
            functions[function.Name] = updated;
            return View(updated, number);
        });

    /// <summary>$LATEST first, then the numbered versions in order, <paramref name="maxItems"/> at a time.</summary>
    public FunctionVersionPage ListVersionsByFunction(string functionName, string? marker, int? maxItems) =>
        _simulation.Read((functions, _) =>
        {
            var (function, _) = Find(functions, functionName);
            var all = new List<FunctionView> { View(function, null) };
            all.AddRange(function.Versions.Select(v => View(function, v.Version)));
            var start = 0;
            if (marker is not null && (!int.TryParse(marker, out start) || start < 0 || start > all.Count))
            {
                throw SimulationException.Lambda("InvalidParameterValueException", "Invalid marker.", 400);
            }

            var size = Math.Clamp(maxItems ?? 50, 1, 10000);
            var page = all.Skip(start).Take(size).ToList();
            var next = start + page.Count < all.Count ? (start + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            return new FunctionVersionPage(page, next);
        });

    /// <summary>
    /// DeleteFunction: one version with a qualifier, the whole function without. A version a distribution runs, or whose
    /// replicas CloudFront has not removed yet, is refused as Lambda refuses it.
    /// </summary>
    public void DeleteFunction(string functionName, string? qualifier) =>
        _simulation.Write((functions, distributions) =>
        {
            var (function, arnQualifier) = Find(functions, functionName);
            var wanted = qualifier ?? arnQualifier;
            if (wanted == "$LATEST")
            {
                throw SimulationException.Lambda("InvalidParameterValueException", "$LATEST version cannot be deleted without deleting the function.", 400);
            }

            IReadOnlyList<VersionRecord> doomed = wanted is null ? function.Versions : [FindVersion(function, wanted)];
            foreach (var version in doomed)
            {
                var arn = $"{ArnOf(function.Name)}:{version.Version}";
                if (ReplicaRules.IsReplicated(version, arn, distributions, _simulation.Now))
                {
                    throw SimulationException.Lambda("InvalidParameterValueException",
                        $"Lambda was unable to delete {arn} because it is a replicated function. Please see our documentation for Deleting Lambda@Edge Functions and Replicas.", 400);
                }
            }

            if (wanted is null)
            {
                functions.Remove(function.Name);
            }
            else
            {
                functions[function.Name] = function with { Versions = [.. function.Versions.Where(v => v.Version != wanted)] };
            }

            return 0;
        });

    /// <summary>The zip of $LATEST or a numbered version (the local target runs it).</summary>
    public byte[] GetCode(string functionName, string? qualifier) =>
        _simulation.Read((functions, _) =>
        {
            var (function, arnQualifier) = Find(functions, functionName);
            var wanted = qualifier ?? arnQualifier;
            return wanted is null or "$LATEST" ? function.Code.ZipFile : FindVersion(function, wanted).Code.ZipFile;
        });

    /// <summary>Looks a qualified function ARN up for CloudFront's association checks; null when it does not exist.</summary>
    internal static VersionRecord? FindVersion(IReadOnlyDictionary<string, FunctionRecord> functions, string name, string version) =>
        functions.TryGetValue(name, out var function) ? function.Versions.FirstOrDefault(v => v.Version == version) : null;

    private (FunctionRecord Function, string? Qualifier) Find(IReadOnlyDictionary<string, FunctionRecord> functions, string functionName)
    {
        var (name, qualifier) = ParseName(functionName);
        if (!functions.TryGetValue(name, out var function))
        {
            throw SimulationException.Lambda("ResourceNotFoundException", $"Function not found: {ArnOf(name)}", 404);
        }

        return (function, qualifier);
    }

    /// <summary>Accepts a name, a partial ARN (account:function:name) or a full ARN, each optionally qualified.</summary>
    private (string Name, string? Qualifier) ParseName(string functionName)
    {
        var parts = functionName.Split(':');
        var (name, qualifier, region, account) = parts switch
        {
            [var n] => (n, null, Region, Account),
            [var n, var q] => (n, q, Region, Account),
            [var a, "function", var n] => (n, null, Region, a),
            [var a, "function", var n, var q] => (n, q, Region, a),
            ["arn", "aws", "lambda", var r, var a, "function", var n] => (n, null, r, a),
            ["arn", "aws", "lambda", var r, var a, "function", var n, var q] => ((string?)n, (string?)q, r, a),
            _ => (null, null, Region, Account),
        };
        if (string.IsNullOrEmpty(name) || region != Region || account != Account)
        {
            throw SimulationException.Lambda("ResourceNotFoundException", $"Function not found: {functionName}", 404);
        }

        return (name, qualifier);
    }

    private void EnsureWritable(FunctionRecord function, string? revisionId)
    {
        if (function.UpdateCompletesAt is { } completes && _simulation.Now < completes)
        {
            throw SimulationException.Lambda("ResourceConflictException",
                $"The operation cannot be performed at this time. An update is in progress for resource: {ArnOf(function.Name)}", 409);
        }

        if (revisionId is not null && revisionId != function.RevisionId)
        {
            throw SimulationException.Lambda("PreconditionFailedException",
                "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id", 412);
        }
    }

    private static void CheckZip(byte[] zipFile)
    {
        if (zipFile.LongLength > MaxZipBytes)
        {
            throw SimulationException.Lambda("RequestEntityTooLargeException",
                $"Request must be smaller than {MaxZipBytes} bytes for the UpdateFunctionCode operation", 413);
        }

        if (zipFile.Length < 4 || zipFile[0] != (byte)'P' || zipFile[1] != (byte)'K')
        {
            throw SimulationException.Lambda("InvalidParameterValueException",
                "Could not unzip uploaded file. Please check your file, then try to upload again.", 400);
        }
    }

    private VersionRecord FindVersion(FunctionRecord function, string version) =>
        function.Versions.FirstOrDefault(v => v.Version == version)
        ?? throw SimulationException.Lambda("ResourceNotFoundException", $"Function not found: {ArnOf(function.Name)}:{version}", 404);

    private FunctionView View(FunctionRecord function, string? qualifier)
    {
        if (qualifier is null or "$LATEST")
        {
            var inProgress = function.UpdateCompletesAt is { } completes && _simulation.Now < completes;
            return Describe(function, "$LATEST", ArnOf(function.Name), function.Code, function.Description, function.RevisionId, function.LastModified)
                with { LastUpdateStatus = inProgress ? "InProgress" : "Successful" };
        }

        var version = FindVersion(function, qualifier);
        return Describe(function, version.Version, $"{ArnOf(function.Name)}:{version.Version}", version.Code, version.Description, version.RevisionId, version.LastModified);
    }

    private static FunctionView Describe(FunctionRecord function, string version, string arn, CodeRecord code, string? description, string revisionId, DateTimeOffset lastModified) => new()
    {
        FunctionName = function.Name,
        FunctionArn = arn,
        Version = version,
        Runtime = function.Runtime,
        Role = function.Role,
        Handler = function.Handler,
        CodeSize = code.CodeSize,
        CodeSha256 = code.CodeSha256,
        Description = description,
        Timeout = function.Timeout,
        MemorySize = function.MemorySize,
        LastModified = lastModified,
        RevisionId = revisionId,
        PackageType = function.PackageType,
        Architectures = [.. function.Architectures],
        Environment = [.. function.Environment.OrderBy(v => v.Key, StringComparer.Ordinal)],
        Layers = [.. function.Layers],
        VpcSubnetIds = [.. function.VpcSubnetIds],
        EphemeralStorageSize = function.EphemeralStorageSize,
    };
}
