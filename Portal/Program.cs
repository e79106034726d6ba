using EdgePortal.Portal;
using EdgePortal.Portal.Cli;

if (CliApp.IsVerb(args))
{
    return await CliApp.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalServices();

var app = builder.Build();
await app.Services.InitializePortalAsync(bootstrapAdmin: true);
app.UsePortal();
await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
