using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;

namespace EdgePortal.AwsEmulator;

/// <summary>A refused request: the HTTP status, the error code in the refusing service's spelling, and AWS's message.</summary>
public sealed record WireError(int Status, string Code, string Message);

/// <summary>Checks each request's SigV4 signature with the known secrets and refuses bad ones with the codes AWS uses.</summary>
public sealed class SignatureVerifier(CredentialStore credentials, TimeSpan allowedSkew, TimeProvider realClock)
{
    private const string Mismatch = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    public WireError? Verify(HttpContext context, byte[] body, AwsService service)
    {
        var lambda = service == AwsService.Lambda;
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            return new WireError(403, lambda ? "MissingAuthenticationTokenException" : "MissingAuthenticationToken", "Missing Authentication Token");
        }

        var incomplete = lambda ? "IncompleteSignatureException" : "IncompleteSignature";
        var badSignature = lambda ? "InvalidSignatureException" : "SignatureDoesNotMatch";
        var fields = ParseAuthorization(authorization);
        if (fields is null)
        {
            return new WireError(403, incomplete, $"Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization={authorization}");
        }

        var amzDate = context.Request.Headers["X-Amz-Date"].ToString();
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            return new WireError(403, incomplete, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }

        var scope = fields.Value.Credential.Split('/');
        if (scope.Length != 5 || !credentials.TryGet(scope[0], out var secret, out var sessionToken)
            || (sessionToken is not null && context.Request.Headers["X-Amz-Security-Token"].ToString() != sessionToken))
        {
            return new WireError(403, lambda ? "UnrecognizedClientException" : "InvalidClientTokenId", "The security token included in the request is invalid.");
        }

        var expectedService = service switch
        {
            AwsService.Lambda => "lambda",
            AwsService.Sts => "sts",
            AwsService.Iam => "iam",
            _ => "cloudfront",
        };
        if (scope[1] != amzDate[..8] || scope[2] != "us-east-1" || scope[3] != expectedService || scope[4] != "aws4_request")
        {
            return new WireError(403, badSignature, $"Credential should be scoped to a valid region, service and date: expected {amzDate[..8]}/us-east-1/{expectedService}/aws4_request, got {string.Join('/', scope.Skip(1))}.");
        }

        var now = realClock.GetUtcNow();
        if ((now - signedAt).Duration() > allowedSkew)
        {
            return new WireError(403, badSignature,
                $"Signature expired: {amzDate} is now earlier than {(now - allowedSkew).UtcDateTime:yyyyMMdd'T'HHmmss'Z'} ({now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'} - {allowedSkew.TotalMinutes:0} min.)");
        }

        var signedHeaders = fields.Value.SignedHeaders.Split(';');
        if (!signedHeaders.Contains("host"))
        {
            return new WireError(403, incomplete, "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        var payloadHash = SigV4.Hex(SHA256.HashData(body));
        var sentHash = context.Request.Headers["X-Amz-Content-Sha256"].ToString();
        if (sentHash.Length > 0 && sentHash != payloadHash)
        {
            return new WireError(400, lambda ? "InvalidSignatureException" : "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }

        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(',', h.Value.Select(v => v?.Trim())));
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var input = new SigV4.CanonicalInput(
            context.Request.Method,
            question < 0 ? rawTarget : rawTarget[..question],
            question < 0 ? "" : rawTarget[question..],
            headers,
            signedHeaders,
            payloadHash);
        var expected = SigV4.Signature(secret, amzDate, "us-east-1", expectedService, SigV4.CanonicalRequest(input));
        return CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(fields.Value.Signature))
            ? null
            : new WireError(403, badSignature, Mismatch);
    }

    private static (string Credential, string SignedHeaders, string Signature)? ParseAuthorization(string authorization)
    {
        const string algorithm = "AWS4-HMAC-SHA256 ";
        if (!authorization.StartsWith(algorithm, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = authorization[algorithm.Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        return parts.TryGetValue("Credential", out var credential) && parts.TryGetValue("SignedHeaders", out var signed) && parts.TryGetValue("Signature", out var signature)
            ? (credential, signed, signature)
            : null;
    }
}

public enum AwsService
{
    Lambda,
    CloudFront,
    Sts,
    Iam,
}
