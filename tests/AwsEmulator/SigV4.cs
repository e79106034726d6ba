using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EdgePortal.AwsEmulator;

/// <summary>
/// Signature Version 4 computed from a request as it arrived, the way a non-S3 AWS service checks it:
/// the canonical URI is the path as sent, each segment percent-encoded once more.
/// </summary>
public static class SigV4
{
    public sealed record CanonicalInput(
        string Method,
        string RawPath,
        string RawQuery,
        IReadOnlyDictionary<string, string> Headers,
        IReadOnlyList<string> SignedHeaders,
        string PayloadHash);

    public static string CanonicalRequest(CanonicalInput input)
    {
        var headers = string.Concat(input.SignedHeaders.Select(name => $"{name}:{Trim(input.Headers.GetValueOrDefault(name) ?? "")}\n"));
        return string.Join('\n',
            input.Method,
            CanonicalUri(input.RawPath),
            CanonicalQuery(input.RawQuery),
            headers,
            string.Join(';', input.SignedHeaders),
            input.PayloadHash);
    }

    public static string Signature(string secret, string amzDate, string region, string service, string canonicalRequest)
    {
        var date = amzDate[..8];
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secret), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    public static string CanonicalUri(string rawPath)
    {
        if (string.IsNullOrEmpty(rawPath))
        {
            return "/";
        }

        return string.Join('/', rawPath.Split('/').Select(Encode));
    }

    public static string CanonicalQuery(string rawQuery)
    {
        var query = rawQuery.TrimStart('?');
        if (query.Length == 0)
        {
            return "";
        }

        var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? "" : pair[(equals + 1)..];
            return (Key: Encode(Decode(key)), Value: Encode(Decode(value)));
        });
        return string.Join('&', pairs.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
    }

    /// <summary>RFC 3986 encoding with upper-case hex, leaving only unreserved characters as they are.</summary>
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    private static string Trim(string value) => string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
