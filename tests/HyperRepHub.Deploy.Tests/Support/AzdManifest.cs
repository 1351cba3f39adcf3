using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace HyperRepHub.Deploy.Tests.Support;

/// <summary>
/// The parts of azure.yaml (azd schema v1.0) this repository uses. Reading is strict: a property the classes
/// do not declare fails the read, which catches misspelt keys that azd would silently ignore.
/// </summary>
internal sealed class AzdManifest
{
    public string? Name { get; set; }

    public AzdInfra? Infra { get; set; }

    public Dictionary<string, AzdService> Services { get; set; } = [];

    public static AzdManifest Read(string path)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .Build();
        return deserializer.Deserialize<AzdManifest>(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"{path} is empty.");
    }
}

internal sealed class AzdInfra
{
    /// <summary>Provisioning provider; azd defaults to bicep.</summary>
    public string Provider { get; set; } = "bicep";

    /// <summary>Folder of the templates, relative to azure.yaml; azd defaults to infra.</summary>
    public string Path { get; set; } = "infra";

    /// <summary>Template file name without extension; azd defaults to main.</summary>
    public string Module { get; set; } = "main";
}

internal sealed class AzdService
{
    public string? Project { get; set; }

    public string? Image { get; set; }

    public string? Host { get; set; }

    public string? Language { get; set; }

    public AzdDocker? Docker { get; set; }
}

internal sealed class AzdDocker
{
    /// <summary>Dockerfile, relative to the service's project folder; azd defaults to ./Dockerfile.</summary>
    public string Path { get; set; } = "./Dockerfile";

    /// <summary>Build context, relative to the service's project folder; azd defaults to the folder itself.</summary>
    public string Context { get; set; } = ".";

    public string? Platform { get; set; }

    public List<string> BuildArgs { get; set; } = [];
}
