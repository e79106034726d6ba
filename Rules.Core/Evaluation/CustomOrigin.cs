using System.Globalization;
using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Evaluation;

/// <summary>
/// The whole custom origin an origin rule sends a request to. Nothing of the request's old origin is
/// kept: its custom headers may hold a secret meant for that origin only, and its path would be prefixed
/// to every request on the new host.
/// </summary>
public sealed record CustomOrigin
{
    /// <summary>The TLS versions the edge offers the new origin.</summary>
    public static readonly EquatableArray<string> SslProtocols = ["TLSv1.2"];

    /// <summary>The host name; also the request's <c>host</c> header.</summary>
    public required string DomainName { get; init; }

    /// <summary>The rule's <c>originPath</c>, or <c>""</c> for none.</summary>
    public required string Path { get; init; }

    public required OriginProtocol Protocol { get; init; }

    public required int Port { get; init; }

    /// <summary>Always empty: the headers CloudFront adds for the old origin are not sent to this one.</summary>
    public EquatableArray<HeaderValue> CustomHeaders { get; init; } = [];

    /// <summary>The origin as the rule sends to it.</summary>
    public static CustomOrigin Of(OriginRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new CustomOrigin
        {
            DomainName = rule.DomainName,
            Path = rule.OriginPath ?? "",
            Protocol = rule.EffectiveProtocol,
            Port = rule.EffectivePort,
        };
    }

    /// <summary>The origin's base URL, such as <c>https://eu.example.com/eu</c>; the port only when it is not the protocol's usual one.</summary>
    public string Url
    {
        get
        {
            var scheme = Protocol == OriginProtocol.Http ? "http" : "https";
            var usualPort = Protocol == OriginProtocol.Http ? 80 : 443;
            var port = Port == usualPort ? "" : ":" + Port.ToString(CultureInfo.InvariantCulture);
            return $"{scheme}://{DomainName}{port}{Path}";
        }
    }
}
