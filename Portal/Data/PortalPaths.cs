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

    /// <summary>Only the portal's user may read or write the database and the keys (Unix modes; Windows inherits the folder's ACL).</summary>
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <inheritdoc cref="PrivateFile"/>
    public const UnixFileMode PrivateDirectory = PrivateFile | UnixFileMode.UserExecute;

    /// <summary>
    /// Creates the data directory and the keys folder if missing, and the database file, readable only by
    /// the portal's user (SQLite gives its -wal and -shm files the same mode as the database file).
    /// </summary>
    public void EnsureExists()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(DataDirectory);
            Directory.CreateDirectory(KeysDirectory);
            return;
        }
        var created = !Directory.Exists(DataDirectory);
        Directory.CreateDirectory(DataDirectory, PrivateDirectory);
        if (created)
        {
            // CreateDirectory's mode is filtered by the umask; the folder is ours, so it gets exactly this.
            File.SetUnixFileMode(DataDirectory, PrivateDirectory);
        }
        if (!Directory.Exists(KeysDirectory))
        {
            Directory.CreateDirectory(KeysDirectory, PrivateDirectory);
            File.SetUnixFileMode(KeysDirectory, PrivateDirectory);
        }
        if (!File.Exists(DatabaseFile))
        {
            // Created empty here, before SQLite would create it with the umask's mode (usually world-readable).
            try
            {
                using var _ = new FileStream(DatabaseFile, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = PrivateFile });
                File.SetUnixFileMode(DatabaseFile, PrivateFile);
            }
            catch (IOException) when (File.Exists(DatabaseFile))
            {
                // Another process created it at the same moment, the same way.
            }
        }
    }
}
