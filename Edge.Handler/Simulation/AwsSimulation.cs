using System.Security.Cryptography;
using System.Text.Json;
using EdgePortal.Edge.Publishing;

namespace EdgePortal.Edge.Simulation;

/// <summary>
/// An in-memory stand-in for the slice of Lambda and CloudFront that publishing touches, with AWS's rules and
/// state transitions. Pure and thread-safe: the HTTP emulator and the local target both sit on it, so the
/// same rules hold in both. Time comes from the injected <see cref="TimeProvider"/>; statuses are computed
/// from it when read, so nothing runs in the background.
/// </summary>
public sealed class AwsSimulation
{
    private static readonly JsonSerializerOptions SnapshotJson = new() { WriteIndented = true };

    private readonly Lock _gate = new();
    private readonly Dictionary<string, FunctionRecord> _functions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DistributionRecord> _distributions = new(StringComparer.Ordinal);
    private readonly AccountState _account = new();

    public AwsSimulation(SimulationOptions? options = null, TimeProvider? time = null)
    {
        Options = options ?? new SimulationOptions();
        Time = time ?? TimeProvider.System;
        Lambda = new LambdaSimulation(this);
        CloudFront = new CloudFrontSimulation(this);
        Iam = new IamSimulation(this);
    }

    public SimulationOptions Options { get; }

    public TimeProvider Time { get; }

    public LambdaSimulation Lambda { get; }

    public CloudFrontSimulation CloudFront { get; }

    public IamSimulation Iam { get; }

    internal DateTimeOffset Now => Time.GetUtcNow();

    internal T Read<T>(Func<IReadOnlyDictionary<string, FunctionRecord>, IReadOnlyDictionary<string, DistributionRecord>, T> read)
    {
        lock (_gate)
        {
            return read(_functions, _distributions);
        }
    }

    /// <summary>Reads or changes the account-wide records (cache policies, roles) under the same lock as the rest.</summary>
    internal T Account<T>(Func<AccountState, T> use)
    {
        lock (_gate)
        {
            return use(_account);
        }
    }

    /// <summary>The account-wide records for code already holding the lock (CloudFront's association checks read roles).</summary>
    internal AccountState AccountWhileLocked => _account;

    internal T Write<T>(Func<Dictionary<string, FunctionRecord>, Dictionary<string, DistributionRecord>, T> write)
    {
        lock (_gate)
        {
            return write(_functions, _distributions);
        }
    }

    public SimulationSnapshot ToSnapshot() =>
        Read((functions, distributions) => new SimulationSnapshot(
            [.. functions.Values.OrderBy(f => f.Name, StringComparer.Ordinal)],
            [.. distributions.Values.OrderBy(d => d.Id, StringComparer.Ordinal)],
            [.. _account.CachePolicies.Values.OrderBy(p => p.Id, StringComparer.Ordinal)],
            [.. _account.Roles.Values.OrderBy(r => r.Name, StringComparer.Ordinal)]));

    /// <summary>Replaces the whole state with a snapshot's.</summary>
    public void Restore(SimulationSnapshot snapshot) =>
        Write((functions, distributions) =>
        {
            functions.Clear();
            distributions.Clear();
            foreach (var function in snapshot.Functions)
            {
                functions[function.Name] = function;
            }

            foreach (var distribution in snapshot.Distributions)
            {
                distributions[distribution.Id] = distribution;
            }

            _account.CachePolicies.Clear();
            _account.Roles.Clear();
            foreach (var policy in snapshot.CachePolicies ?? [])
            {
                _account.CachePolicies[policy.Id] = policy;
            }

            foreach (var role in snapshot.Roles ?? [])
            {
                _account.Roles[role.Name] = role;
            }

            return 0;
        });

    public string ToJson() => JsonSerializer.Serialize(ToSnapshot(), SnapshotJson);

    public void RestoreJson(string json) =>
        Restore(JsonSerializer.Deserialize<SimulationSnapshot>(json, SnapshotJson)
            ?? throw new InvalidDataException("The simulation snapshot is empty."));

    /// <summary>Writes the snapshot next to its final name first, so a crash never leaves half a file.</summary>
    public void SaveTo(string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, ToJson());
        File.Move(temporary, path, overwrite: true);
    }

    public void LoadFrom(string path) => RestoreJson(File.ReadAllText(path));

    /// <summary>An id in CloudFront's style: 14 upper-case letters and digits.</summary>
    internal static string NewCloudFrontId(char first)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        Span<char> id = stackalloc char[14];
        id[0] = first;
        for (var i = 1; i < id.Length; i++)
        {
            id[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return new string(id);
    }

    internal static CodeRecord Package(byte[] zipFile) =>
        new(zipFile, PackageHash.CodeSha256(zipFile), zipFile.LongLength);
}

/// <summary>Records that belong to the account rather than to one function or distribution: custom cache policies and IAM roles.</summary>
internal sealed class AccountState
{
    public Dictionary<string, CachePolicyRecord> CachePolicies { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, RoleRecord> Roles { get; } = new(StringComparer.Ordinal);
}
