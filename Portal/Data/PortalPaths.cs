namespace EdgePortal.Portal.Data;

/// <summary>
/// Where the portal keeps its files. <c>EdgePortal:DataDirectory</c> (environment
/// <c>EdgePortal__DataDirectory</c>) sets it; relative paths and the default <c>data</c> are
/// taken from the content root. The web app and the command line resolve it the same way.
/// </summary>
public sealed class PortalPaths
{
    public const string DataDirectoryKey = "EdgePortal:DataDirectory";
    public const string DatabaseFileName = "edgeportal.db";

    public PortalPaths(string dataDirectory)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
    }

    public string DataDirectory { get; }

    public string DatabaseFile => Path.Combine(DataDirectory, DatabaseFileName);

    /// <summary>Data-protection keys, so that sign-in cookies survive a restart.</summary>
    public string KeysDirectory => Path.Combine(DataDirectory, "keys");

    public string ConnectionString => $"Data Source={DatabaseFile};Pooling=True;Default Timeout=30";

    public static PortalPaths Resolve(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration[DataDirectoryKey];
        var directory = string.IsNullOrWhiteSpace(configured) ? "data" : configured;
        return new PortalPaths(Path.Combine(contentRoot, directory));
    }

    /// <summary>Creates the data directory (and the keys folder) if missing.</summary>
    public void EnsureExists()
    {
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(KeysDirectory);
    }
}
