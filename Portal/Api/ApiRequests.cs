using System.Text.Json;

namespace EdgePortal.Portal.Api;

/// <summary><c>POST /targets/{target}/change-sets</c>: a new draft holding <see cref="Document"/>, based on what is live now.</summary>
public sealed record CreateChangeSetRequest(string? Title, string? Description, JsonElement? Document);

/// <summary><c>PUT /change-sets/{id}/document</c>: replaces the draft's document; <see cref="Version"/> is the one last read.</summary>
public sealed record SaveDocumentRequest(JsonElement? Document, Guid? Version);

/// <summary>
/// Submit (with <see cref="Title"/> and <see cref="Description"/>, else the change set's own), approve and reject. <see cref="Version"/> is optional: without it the step applies to the change set as it
/// is now; with it, a change set changed since is refused with 409.
/// </summary>
public sealed record DecisionRequest(Guid? Version, string? Comment, string? Reason, string? Title = null, string? Description = null);

/// <summary><c>POST /change-sets/{id}/comments</c>: a comment on the change set's thread.</summary>
public sealed record CommentRequest(string? Text);

/// <summary><c>POST /targets/{target}/try</c>: the request to run through the live handler, as in <c>rules eval</c>.</summary>
public sealed record TryRequestBody(string? Uri, string? Country, string? Query, string? Event, string? ResponseCacheControl);
