using EdgePortal.Portal.Data;

namespace EdgePortal.Portal.Services.Audit;

/// <summary>
/// The two key rings of the audit history, both outside the database: <see cref="Seal"/> keys the chain of
/// events, <see cref="Checkpoint"/> signs the checkpoints. Two keys, so that an operator can keep the
/// checkpoint key somewhere the seal key is not (configuration, a secret store).
/// </summary>
public sealed class AuditKeys(AuditKeyRing seal, AuditKeyRing checkpoint)
{
    public const string SealKeyFileName = "audit-seal-keys.json";
    public const string CheckpointKeyFileName = "audit-checkpoint-keys.json";

    public AuditKeyRing Seal { get; } = seal;

    public AuditKeyRing Checkpoint { get; } = checkpoint;

    /// <summary>Files beside the data-protection keys unless configuration gives the keys.</summary>
    public static AuditKeys From(PortalPaths paths, IConfiguration configuration)
    {
        var audit = configuration.GetSection("Audit");
        return new AuditKeys(
            Ring(paths, audit, SealKeyFileName, "SealKey"),
            Ring(paths, audit, CheckpointKeyFileName, "CheckpointKey"));
    }

    private static AuditKeyRing Ring(PortalPaths paths, IConfigurationSection audit, string fileName, string setting) =>
        new(Path.Combine(paths.KeysDirectory, fileName), setting, audit[setting], audit.GetSection($"Retired{setting}s").GetChildren().Select(c => c.Value));
}
