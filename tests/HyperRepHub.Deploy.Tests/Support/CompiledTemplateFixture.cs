using System.Text.Json.Nodes;

namespace HyperRepHub.Deploy.Tests.Support;

/// <summary>Compiles infra/main.bicep once for every test in <see cref="CompiledTemplateCollection"/>.</summary>
public sealed class CompiledTemplateFixture : IAsyncLifetime
{
    private JsonObject? _main;

    /// <summary>The ARM JSON of infra/main.bicep, with every module's template nested inside.</summary>
    public JsonObject Main => _main ?? throw new InvalidOperationException("The template is not compiled yet.");

    public async Task InitializeAsync()
    {
        var result = await BicepCli.RunAsync("build", RepositoryPaths.MainBicep, "--stdout");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build infra/main.bicep failed: {result.Describe()}");
        }

        _main = JsonNode.Parse(result.StandardOutput) as JsonObject
            ?? throw new InvalidOperationException("bicep build printed no JSON object.");
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class CompiledTemplateCollection : ICollectionFixture<CompiledTemplateFixture>
{
    public const string Name = "Compiled template";
}
