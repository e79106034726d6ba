using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Tests.Publishing;

/// <summary>Passes calls on, letting a test rewrite what GetFunctionConfiguration answers (fields AWS may leave out, a failed update).</summary>
public sealed class ScriptedLambda(ILambdaClient inner) : ILambdaClient
{
    /// <summary>Rewrites an answer; the qualifier asked for is given (null: $LATEST).</summary>
    public Func<FunctionConfiguration, string?, FunctionConfiguration>? Configuration { get; set; }

    /// <summary>How many UpdateFunctionCode calls got through.</summary>
    public int Uploads { get; private set; }

    public async Task<FunctionConfiguration> GetFunctionConfigurationAsync(string functionName, string? qualifier, CancellationToken cancellationToken)
    {
        var configuration = await inner.GetFunctionConfigurationAsync(functionName, qualifier, cancellationToken);
        return Configuration is { } rewrite ? rewrite(configuration, qualifier) : configuration;
    }

    public async Task<FunctionConfiguration> UpdateFunctionCodeAsync(string functionName, byte[] zipFile, string? revisionId, CancellationToken cancellationToken)
    {
        var updated = await inner.UpdateFunctionCodeAsync(functionName, zipFile, revisionId, cancellationToken);
        Uploads++;
        return updated;
    }

    public Task<FunctionConfiguration> PublishVersionAsync(string functionName, string codeSha256, string? description, string? revisionId, CancellationToken cancellationToken)
        => inner.PublishVersionAsync(functionName, codeSha256, description, revisionId, cancellationToken);

    public Task<IReadOnlyList<FunctionConfiguration>> ListVersionsByFunctionAsync(string functionName, CancellationToken cancellationToken)
        => inner.ListVersionsByFunctionAsync(functionName, cancellationToken);

    public Task DeleteFunctionAsync(string functionName, string qualifier, CancellationToken cancellationToken)
        => inner.DeleteFunctionAsync(functionName, qualifier, cancellationToken);
}
