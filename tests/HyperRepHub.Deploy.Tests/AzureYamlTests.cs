using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HyperRepHub.Deploy.Tests.Support;

namespace HyperRepHub.Deploy.Tests;

/// <summary>Checks azure.yaml against the azd v1.0 schema rules that matter here and against infra/.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class AzureYamlTests(CompiledTemplateFixture template)
{
    private static readonly AzdManifest Manifest = AzdManifest.Read(RepositoryPaths.AzureYaml);

    public static TheoryData<string> ServiceNames() => new(Manifest.Services.Keys);

    [Fact]
    public void Name_Format_MatchesAzdPattern()
    {
        var name = Manifest.Name;

        Assert.NotNull(name);
        Assert.True(name.Length >= 2, $"azd requires at least two characters in name '{name}'.");
        Assert.Matches(new Regex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"), name);
    }

    [Fact]
    public void Infra_PathAndModule_Exist()
    {
        var infra = Manifest.Infra ?? new AzdInfra();

        var modulePath = Path.Combine(RepositoryPaths.Root, infra.Path, infra.Module + ".bicep");

        Assert.Equal("bicep", infra.Provider);
        Assert.True(File.Exists(modulePath), $"azd provisions {modulePath}, which does not exist.");
        Assert.True(File.Exists(Path.ChangeExtension(modulePath, ".parameters.json")),
            "azd reads the parameters file beside the module.");
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Service_Host_IsContainerApp(string serviceName)
    {
        var service = Manifest.Services[serviceName];

        Assert.Equal("containerapp", service.Host);
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Service_ProjectOrImage_ExactlyOneIsSet(string serviceName)
    {
        var service = Manifest.Services[serviceName];

        Assert.True(service.Project is null ^ service.Image is null,
            $"Service '{serviceName}' must set either project or image, not both or neither.");
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Service_ProjectAndDockerPaths_Exist(string serviceName)
    {
        var service = Manifest.Services[serviceName];
        var project = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, service.Project!));
        var docker = service.Docker ?? new AzdDocker();

        var dockerfile = Path.GetFullPath(Path.Combine(project, docker.Path));
        var context = Path.GetFullPath(Path.Combine(project, docker.Context));

        Assert.True(Directory.Exists(project), $"Project folder {project} does not exist.");
        Assert.True(File.Exists(dockerfile), $"Dockerfile {dockerfile} does not exist.");
        Assert.True(Directory.Exists(context), $"Build context {context} does not exist.");
        Assert.Equal(RepositoryPaths.Root.TrimEnd('/'), context.TrimEnd('/'));
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Service_Name_HasASiloApp(string serviceName)
    {
        var silos = (JsonArray)template.Main["variables"]!["silos"]!;

        var serviceNames = silos.Select(silo => silo!["serviceName"]!.GetValue<string>());

        Assert.Contains(serviceName, serviceNames);
    }

    [Fact]
    public void SiloApps_ServiceNames_MatchAzdServices()
    {
        var silos = (JsonArray)template.Main["variables"]!["silos"]!;

        var serviceNames = silos.Select(silo => silo!["serviceName"]!.GetValue<string>()).ToList();

        Assert.Equal(serviceNames.Order(), Manifest.Services.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Service_DeployedImage_FlowsBackIntoItsSiloApp(string serviceName)
    {
        // After a deploy azd stores SERVICE_<NAME>_IMAGE_NAME; a later provision must keep that image.
        var silos = (JsonArray)template.Main["variables"]!["silos"]!;
        var silo = silos.Single(row => row!["serviceName"]!.GetValue<string>() == serviceName)!;
        var imageParameter = silo["image"]!.GetValue<string>().Split("parameters('")[1].Split("')")[0];
        var parameters = JsonNode.Parse(File.ReadAllText(RepositoryPaths.MainParameters))!["parameters"]!;

        var value = parameters[imageParameter]?["value"]?.GetValue<string>();

        Assert.Equal($"${{SERVICE_{serviceName.ToUpperInvariant()}_IMAGE_NAME=}}", value);
    }
}
