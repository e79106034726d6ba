namespace EdgePortal.Rules.Document;

/// <summary>What every rule has: an id unique in its section, an optional description and a path pattern.</summary>
public interface IRule
{
    string Id { get; }

    string? Description { get; }

    string Path { get; }
}

/// <summary>A rule that applies to some countries (an empty list means every country where the section allows that).</summary>
public interface ICountryRule : IRule
{
    EquatableArray<string> Countries { get; }
}

/// <summary>An <c>access[]</c> rule: path-level licensing.</summary>
public sealed record AccessRule : ICountryRule
{
    public string Id { get; init; } = "";

    public string? Description { get; init; }

    public string Path { get; init; } = "";

    public AccessMode? Mode { get; init; }

    public EquatableArray<string> Countries { get; init; } = [];

    /// <summary>Mode has no default in the contract; an absent mode is a validation error, read as allow.</summary>
    public AccessMode EffectiveMode => Mode ?? AccessMode.Allow;
}

/// <summary>A <c>redirects[]</c> rule.</summary>
public sealed record RedirectRule : ICountryRule
{
    public const int DefaultStatus = 302;
    public const int DefaultCacheSeconds = 300;

    public string Id { get; init; } = "";

    public string? Description { get; init; }

    public string Path { get; init; } = "";

    public EquatableArray<string> Countries { get; init; } = [];

    public string Location { get; init; } = "";

    public int? Status { get; init; }

    public bool? AppendPath { get; init; }

    public bool? KeepQuery { get; init; }

    public int? CacheSeconds { get; init; }

    public bool? AllowInsecure { get; init; }

    public int EffectiveStatus => Status ?? DefaultStatus;

    public bool EffectiveAppendPath => AppendPath ?? false;

    public bool EffectiveKeepQuery => KeepQuery ?? true;

    public int EffectiveCacheSeconds => CacheSeconds ?? DefaultCacheSeconds;
}

/// <summary>An <c>origins[]</c> rule: send matching requests to another custom origin.</summary>
public sealed record OriginRule : ICountryRule
{
    public string Id { get; init; } = "";

    public string? Description { get; init; }

    public string Path { get; init; } = "";

    public EquatableArray<string> Countries { get; init; } = [];

    public string DomainName { get; init; } = "";

    public string? OriginPath { get; init; }

    /// <summary>The origin's port, 1 to 65535; absent means <see cref="DefaultPort"/>.</summary>
    public int? Port { get; init; }

    /// <summary>How the edge talks to the origin; absent means https. http needs <see cref="AllowInsecure"/>.</summary>
    public OriginProtocol? Protocol { get; init; }

    /// <summary>Must be true for <c>protocol: http</c>; with https it changes nothing.</summary>
    public bool? AllowInsecure { get; init; }

    /// <summary>The port when the rule gives none, whatever the protocol (the contract's default).</summary>
    public const int DefaultPort = 443;

    public int EffectivePort => Port ?? DefaultPort;

    public OriginProtocol EffectiveProtocol => Protocol ?? OriginProtocol.Https;
}

/// <summary>A <c>cache[]</c> rule: directives for the <c>Cache-Control</c> response header.</summary>
public sealed record CacheRule : IRule
{
    /// <summary>Largest value of a seconds directive (one year).</summary>
    public const int MaxSeconds = 31_536_000;

    public string Id { get; init; } = "";

    public string? Description { get; init; }

    public string Path { get; init; } = "";

    public int? MaxAge { get; init; }

    public int? SMaxAge { get; init; }

    public int? StaleWhileRevalidate { get; init; }

    public int? StaleIfError { get; init; }

    public bool? Public { get; init; }

    public bool? Private { get; init; }

    public bool? NoCache { get; init; }

    public bool? NoStore { get; init; }

    public bool? Immutable { get; init; }

    public CacheMode? Mode { get; init; }

    public CacheMode EffectiveMode => Mode ?? CacheMode.Override;
}
