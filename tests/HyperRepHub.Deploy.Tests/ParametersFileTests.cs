using System.Text.Json.Nodes;
using HyperRepHub.Deploy.Tests.Support;

namespace HyperRepHub.Deploy.Tests;

/// <summary>Checks infra/main.parameters.json, which azd fills from the azd environment, against main.bicep.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class ParametersFileTests(CompiledTemplateFixture template)
{
    private static readonly JsonObject Supplied =
        JsonNode.Parse(File.ReadAllText(RepositoryPaths.MainParameters))!["parameters"]!.AsObject();

    private JsonObject Declared => template.Main["parameters"]!.AsObject();

    [Fact]
    public void ParametersFile_EachEntry_IsDeclared()
    {
        var unknown = Supplied.Select(pair => pair.Key).Where(name => !Declared.ContainsKey(name)).ToList();

        Assert.True(unknown.Count == 0, $"main.bicep declares no parameter {string.Join(", ", unknown)}.");
    }

    [Fact]
    public void ParametersFile_RequiredParameters_AreSupplied()
    {
        var required = Declared.Where(pair => pair.Value!["defaultValue"] is null).Select(pair => pair.Key);

        var missing = required.Where(name => !Supplied.ContainsKey(name)).ToList();

        Assert.True(missing.Count == 0, $"main.parameters.json supplies no value for {string.Join(", ", missing)}.");
    }

    [Fact]
    public void ParametersFile_ApiKey_ComesFromTheAzdEnvironment()
    {
        var value = Supplied["apiKey"]!["value"]!.GetValue<string>();

        Assert.Equal("${HYPERREPHUB_API_KEY}", value);
    }
}
