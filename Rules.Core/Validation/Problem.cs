namespace EdgePortal.Rules.Validation;

/// <summary>
/// One thing wrong with a document: a JSON pointer to where it is (<c>/redirects/3/location</c>, or
/// the empty string for the whole document) and a sentence a person understands.
/// </summary>
public sealed record Problem(string Pointer, string Message)
{
    public override string ToString() => $"{(Pointer.Length == 0 ? "/" : Pointer)}: {Message}";
}
