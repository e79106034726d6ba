using EdgePortal.Rules.Validation;

namespace EdgePortal.Portal.Hosting;

/// <summary>Sizes that protect the service from a request it should never have to hold in memory.</summary>
public static class HostingLimits
{
    /// <summary>
    /// Largest request body: a rules document at its limit with room for the request around it. Forms and the
    /// API bodies are far smaller; Kestrel answers 413 above this before the application reads anything.
    /// </summary>
    public const long MaxRequestBodyBytes = Limits.MaxDocumentBytes + 1024 * 1024;
}
