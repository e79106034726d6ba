using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Validation;

/// <summary>The limits of the format and the words used to describe them, shared by reader and validator.</summary>
public static class Limits
{
    /// <summary>Largest number of seconds anywhere in the document (one year).</summary>
    public const int MaxSeconds = CacheRule.MaxSeconds;

    /// <summary>Longest rule id, in characters of <c>a-z 0-9 - _</c>.</summary>
    public const int MaxIdLength = 64;

    /// <summary>Longest description, in Unicode scalar values.</summary>
    public const int MaxDescriptionLength = 500;

    /// <summary>Longest path pattern, in characters.</summary>
    public const int MaxPathLength = 255;

    /// <summary>Longest origin <c>domainName</c>, in characters.</summary>
    public const int MaxHostNameLength = 253;

    /// <summary>Longest <c>originPath</c> (CloudFront's limit), in characters.</summary>
    public const int MaxOriginPathLength = 255;

    /// <summary>Redirect statuses the handler may answer with.</summary>
    public static readonly IReadOnlyList<int> RedirectStatuses = [301, 302, 303, 307, 308];

    /// <summary>Statuses of the blocked response.</summary>
    public static readonly IReadOnlyList<int> BlockedStatuses = [403, 451];

    /// <summary>
    /// Largest document, in UTF-8 bytes (16 MiB). A 100,000-rule document of ordinary rules is about 12 MiB;
    /// above this, reading alone costs the service hundreds of megabytes of memory.
    /// </summary>
    public const int MaxDocumentBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Most rules in one document, all sections together. The handler is measured up to 100,000 rules
    /// (docs/performance.md); a 1,000,000-rule document took 1.7 GB to validate.
    /// </summary>
    public const int MaxRules = 100_000;

    /// <summary>The sentence for a document over <see cref="MaxDocumentBytes"/>.</summary>
    public static string DocumentTooLarge(long bytes) =>
        $"the document is {bytes:N0} bytes; a rules document may be at most {MaxDocumentBytes:N0} bytes (16 MiB)";

    /// <summary>The sentence for a document over <see cref="MaxRules"/>.</summary>
    public static string TooManyRules(long rules) =>
        $"the document has {rules:N0} rules; a rules document may have at most {MaxRules:N0} rules";

    /// <summary>The sentence for bytes that are not UTF-8.</summary>
    public const string NotUtf8 = "the document is not UTF-8 text; save it as UTF-8 and try again";

    /// <summary>Lowest origin port.</summary>
    public const int MinPort = 1;

    /// <summary>Highest origin port.</summary>
    public const int MaxPort = 65535;

    internal const string Port = "a whole number from 1 to 65535";

    internal const string Seconds = "a whole number from 0 to 31536000";

    internal const string RedirectStatus = "one of 301, 302, 303, 307, 308";

    internal const string BlockedStatus = "403 or 451";

    internal const string Id = "1 to 64 characters of a-z, 0-9, - and _";
}
