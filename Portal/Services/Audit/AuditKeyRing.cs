using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgePortal.Portal.Services.Audit;

/// <summary>One HMAC key; <see cref="Id"/> is what events and checkpoints record, never the key.</summary>
public sealed class AuditKey(byte[] secret)
{
    public string Id { get; } = IdOf(secret);

    public string Mac(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(text)));

    // A fingerprint rather than a number: the same key given by configuration on two machines has the same id.
    private static string IdOf(byte[] secret) =>
        Convert.ToHexStringLower(SHA256.HashData([.. "EdgePortal audit key id\0"u8, .. secret]))[..16];
}

/// <summary>
/// The keys of one kind (seal or checkpoint), newest last; the newest is the one in use and older ones
/// stay to verify what they sealed. Kept outside the database on purpose: whoever can write the database
/// must not be able to reseal it. Either given by configuration (<c>Audit:SealKey</c> plus
/// <c>Audit:RetiredSealKeys</c>, base64) or a file beside the data-protection keys, created on first use
/// with 256 random bits and mode 0600.
/// </summary>
public sealed class AuditKeyRing
{
    private const int KeyBytes = 32;
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly string _file;
    private readonly string _settingName;
    private readonly IReadOnlyList<AuditKey>? _configured;
    private readonly Lock _lock = new();
    private IReadOnlyList<AuditKey>? _loaded;
    private DateTime _loadedStamp;

    public AuditKeyRing(string file, string settingName, string? configuredKey, IEnumerable<string?> retiredKeys)
    {
        _file = file;
        _settingName = settingName;
        if (!string.IsNullOrWhiteSpace(configuredKey))
        {
            _configured = [.. retiredKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => Decode(k!, $"Audit:Retired{settingName}s")), Decode(configuredKey, $"Audit:{settingName}")];
        }
    }

    public bool IsConfigured => _configured is not null;

    /// <summary>The key to seal with: the newest, reading the file again when it changed (a rotation by the command line).</summary>
    public AuditKey Current
    {
        get
        {
            if (_configured is null)
            {
                lock (_lock)
                {
                    if (_loaded is not null && File.GetLastWriteTimeUtc(_file) != _loadedStamp)
                    {
                        _loaded = null;
                    }
                }
            }
            return Keys[^1];
        }
    }

    /// <summary>The key with that id, reading the file again once if it is not known (another process may have rotated).</summary>
    public AuditKey? Find(string id)
    {
        var known = Keys.FirstOrDefault(k => k.Id == id);
        if (known is not null || _configured is not null)
        {
            return known;
        }
        lock (_lock)
        {
            _loaded = null;
        }
        return Keys.FirstOrDefault(k => k.Id == id);
    }

    /// <summary>Adds a new random key to the file; it is used from the next event on. Returns its id.</summary>
    public string Rotate()
    {
        if (_configured is not null)
        {
            throw new InvalidOperationException($"Audit:{_settingName} is set in configuration: rotate by setting a new key there and moving the old one to Audit:Retired{_settingName}s.");
        }
        lock (_lock)
        {
            var stored = ReadFile() ?? [];
            var key = RandomNumberGenerator.GetBytes(KeyBytes);
            WriteFile([.. stored, new StoredKey(Convert.ToBase64String(key), DateTimeOffset.UtcNow)], overwrite: true);
            _loaded = null;
            return new AuditKey(key).Id;
        }
    }

    private IReadOnlyList<AuditKey> Keys
    {
        get
        {
            if (_configured is not null)
            {
                return _configured;
            }
            lock (_lock)
            {
                return _loaded ??= Load();
            }
        }
    }

    private List<AuditKey> Load()
    {
        if (!File.Exists(_file))
        {
            // Two processes may start at once: the first file to land wins and both then read it.
            WriteFile([new StoredKey(Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)), DateTimeOffset.UtcNow)], overwrite: false);
        }
        // Taken before reading: a change that lands in between is read again next time, never missed.
        _loadedStamp = File.GetLastWriteTimeUtc(_file);
        var stored = ReadFile() ?? throw new InvalidOperationException($"{_file} could not be created.");
        return [.. stored.Select(s => Decode(s.Key, _file))];
    }

    private List<StoredKey>? ReadFile()
    {
        if (!File.Exists(_file))
        {
            return null;
        }
        var keys = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(_file), _json)?.Keys;
        return keys is { Count: > 0 } ? keys : throw new InvalidOperationException($"{_file}: holds no keys.");
    }

    private void WriteFile(List<StoredKey> keys, bool overwrite)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        var temporary = $"{_file}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, new KeyFile(keys), _json);
        }
        try
        {
            File.Move(temporary, _file, overwrite);
        }
        catch (IOException) when (!overwrite && File.Exists(_file))
        {
            File.Delete(temporary);
        }
    }

    private static AuditKey Decode(string base64, string where)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{where}: not base64 (give {KeyBytes} random bytes, e.g. `openssl rand -base64 {KeyBytes}`).");
        }
        return bytes.Length >= KeyBytes
            ? new AuditKey(bytes)
            : throw new InvalidOperationException($"{where}: {bytes.Length} bytes is too short; give at least {KeyBytes} random bytes.");
    }

    private sealed record KeyFile([property: JsonPropertyName("keys")] List<StoredKey> Keys);

    private sealed record StoredKey(string Key, DateTimeOffset Created);
}
