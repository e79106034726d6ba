using EdgePortal.Portal;
using EdgePortal.Portal.Cli;

if (CliApp.IsVerb(args))
{
    return await CliApp.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalServices();

var app = builder.Build();
app.UsePortal();
await app.RunAsync();
return 0;
