using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace EdgePortal.AwsEmulator;

/// <summary>The keys the emulator accepts: the configured long-term ones, and temporary ones it issued for AssumeRole.</summary>
public sealed class CredentialStore
{
    private readonly ConcurrentDictionary<string, (string Secret, string? SessionToken)> _keys = new(StringComparer.Ordinal);

    public CredentialStore(IReadOnlyDictionary<string, string> longTerm)
    {
        foreach (var (key, secret) in longTerm)
        {
            _keys[key] = (secret, null);
        }
    }

    public bool TryGet(string accessKeyId, out string secret, out string? sessionToken)
    {
        var found = _keys.TryGetValue(accessKeyId, out var entry);
        (secret, sessionToken) = found ? entry : ("", null);
        return found;
    }

    /// <summary>Issues temporary credentials, as STS does for AssumeRole.</summary>
    public (string AccessKeyId, string Secret, string SessionToken) Issue()
    {
        var key = "ASIA" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(30));
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        _keys[key] = (secret, token);
        return (key, secret, token);
    }
}
