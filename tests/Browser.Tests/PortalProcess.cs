using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace EdgePortal.Browser.Tests;

/// <summary>
/// The real portal, started as <c>dotnet Portal.dll</c> from its own build output (the way <c>dotnet run</c>
/// starts it) on a free loopback port, with a temporary data directory and a bootstrap admin.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    public const string AdminEmail = "admin@example.com";
    public const string AdminPassword = "Browser-Test-Passw0rd!";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _dataDirectory;

    private PortalProcess(Process process, string dataDirectory, Uri baseAddress)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The portal's temporary data directory, for tests that change its files as an attacker would.</summary>
    public string DataDirectory => _dataDirectory;

    /// <summary>The portal's SQLite file, for a test that stands in for another part of the system (the publisher).</summary>
    public string DatabaseFile => Path.Combine(_dataDirectory, EdgePortal.Portal.Data.PortalPaths.DatabaseFileName);

    /// <summary>What the portal wrote, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Adds an account with the portal's own command line (<c>users add</c>), as an operator would.</summary>
    public async Task AddUserAsync(string email, string role, string password)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[PortalDll(), "users", "add", "--email", email, "--role", role, "--password", password, "--data-directory", _dataDirectory])
        {
            start.ArgumentList.Add(argument);
        }
        using var cli = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = cli.StandardOutput.ReadToEndAsync();
        var error = await cli.StandardError.ReadToEndAsync();
        await cli.WaitForExitAsync();
        if (cli.ExitCode != 0)
        {
            throw new InvalidOperationException($"users add {email} exited with {cli.ExitCode}: {await output}{error}");
        }
    }

    private static string PortalDll()
    {
        var configuration = typeof(PortalProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        return Path.Combine(RepositoryRoot(), "Portal", "bin", configuration, "net10.0", "Portal.dll");
    }

    /// <param name="settings">Configuration the portal starts with, as command-line keys ("EdgePortal:Publishing:DeployedTimeout").</param>
    /// <param name="environment">Environment variables the portal starts with (the emulator's keys for the AWS credential chain, say).</param>
    public static async Task<PortalProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var root = RepositoryRoot();
        var dll = PortalDll();
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The portal is not built at {dll}; build the solution first (./test.sh does).");
        }
        var port = FreePort();
        var dataDirectory = Directory.CreateTempSubdirectory("edgeportal-browser-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(root, "Portal"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[dll, "--urls", $"http://127.0.0.1:{port}", "--EdgePortal:DataDirectory", dataDirectory,
                     "--Bootstrap:AdminEmail", AdminEmail, "--Bootstrap:AdminPassword", AdminPassword])
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.ArgumentList.Add("--" + key);
            start.ArgumentList.Add(value);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var portal = new PortalProcess(process, dataDirectory, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => portal.Append(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await portal.WaitUntilServingAsync();
        return portal;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the temp cleaner; the test result does not depend on it.
        }
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with code {_process.ExitCode}:\n{Output}");
            }
            try
            {
                var response = await http.GetAsync("account/login");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The portal did not answer on {BaseAddress} within 90 s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EdgePortal.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"EdgePortal.sln not found above {AppContext.BaseDirectory}");
    }
}
