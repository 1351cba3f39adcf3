using HyperRepHub.Deploy.Tests.Support;

namespace HyperRepHub.Deploy.Tests;

/// <summary>
/// Keeps the environment variables the Bicep gives each silo and the server's documented configuration keys
/// (docs/configuration.md) in agreement.
/// </summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class ConfigurationContractTests(CompiledTemplateFixture template)
{
    // Documented keys the Bicep deliberately leaves unset, with the reason. A key added to the documentation fails
    // DocumentedKeys_Each_SetOrExcused until it is either set in infra/modules/silo.bicep or listed here.
    private static readonly Dictionary<string, string> KeysNotSetByBicep = new(StringComparer.Ordinal)
    {
        ["HyperRepHub__Storage__ConnectionString"] = "shared keys are disabled, so the silos use their identity",
        ["HyperRepHub__Storage__MaxUploadBytes"] = "the right limit depends on the zoos a deployment serves",
        ["HyperRepHub__Storage__BlockSizeBytes"] = "the 4 MiB default suits Azure block blobs",
        ["HyperRepHub__Jobs__ProgressFlushPeriod"] = "the default applies in Azure as it does locally",
        ["HyperRepHub__Jobs__ResumeReminderPeriod"] = "the default applies in Azure as it does locally",
        ["HyperRepHub__Jobs__CheckpointsKept"] = "the default applies in Azure as it does locally",
        ["HyperRepHub__Grpc__MaxReceiveMessageBytes"] = "the default suits the API, because weights move as streams",
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "the environment's managed OpenTelemetry agent injects it",
    };

    // Whole sections the Bicep leaves unset: the embedded Azurite starts only when no storage account is configured.
    private static readonly string[] SectionsNotSetByBicep = ["HyperRepHub__Azurite__"];

    private IReadOnlyList<string> SiloEnvironmentNames
    {
        get
        {
            var app = ArmTemplate.FindSingle(template.Main, "Microsoft.App/containerApps");
            var container = app.Resource["properties"]!["template"]!["containers"]![0]!;
            return container["env"]!.AsArray().Select(variable => variable!["name"]!.GetValue<string>()).ToList();
        }
    }

    [Fact]
    public void SiloEnvironment_EveryVariable_IsADocumentedKey()
    {
        var documented = ConfigurationDocument.ReadKeys(RepositoryPaths.ConfigurationDoc);

        var undocumented = SiloEnvironmentNames.Where(name => !documented.Contains(name)).ToList();

        Assert.True(undocumented.Count == 0,
            $"The Bicep sets keys docs/configuration.md does not list: {string.Join(", ", undocumented)}.");
    }

    [Fact]
    public void DocumentedKeys_Each_SetOrExcused()
    {
        var documented = ConfigurationDocument.ReadKeys(RepositoryPaths.ConfigurationDoc);
        var set = SiloEnvironmentNames.ToHashSet(StringComparer.Ordinal);

        var unhandled = documented.Where(key => !set.Contains(key) && !IsExcused(key)).ToList();

        Assert.True(unhandled.Count == 0,
            "Documented keys neither set by infra/modules/silo.bicep nor excused here: " +
            string.Join(", ", unhandled));
    }

    [Fact]
    public void ExcusedKeys_Each_DocumentedAndUnset()
    {
        var documented = ConfigurationDocument.ReadKeys(RepositoryPaths.ConfigurationDoc);

        Assert.All(KeysNotSetByBicep.Keys, key => Assert.Contains(key, documented));
        Assert.All(KeysNotSetByBicep.Keys, key => Assert.DoesNotContain(key, SiloEnvironmentNames));
        Assert.All(SectionsNotSetByBicep, section =>
            Assert.Contains(documented, key => key.StartsWith(section, StringComparison.Ordinal)));
        Assert.All(SectionsNotSetByBicep, section =>
            Assert.DoesNotContain(SiloEnvironmentNames, name => name.StartsWith(section, StringComparison.Ordinal)));
    }

    [Fact]
    public void SiloEnvironment_Names_AreUnique()
    {
        var names = SiloEnvironmentNames;

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void SiloEnvironment_ApiKey_ComesFromASecret()
    {
        var app = ArmTemplate.FindSingle(template.Main, "Microsoft.App/containerApps");
        var container = app.Resource["properties"]!["template"]!["containers"]![0]!;

        var apiKey = container["env"]!.AsArray().Single(variable =>
            variable!["name"]!.GetValue<string>() == "HyperRepHub__ApiKeys__0")!;

        Assert.Null(apiKey["value"]);
        Assert.Equal("api-key", apiKey["secretRef"]!.GetValue<string>());
        Assert.Equal("securestring", app.Template["parameters"]!["apiKey"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void DockerfileEnvironment_ServerKeys_AreDocumented()
    {
        var documented = ConfigurationDocument.ReadKeys(RepositoryPaths.ConfigurationDoc);
        var dockerfiles = Directory.EnumerateFiles(RepositoryPaths.Docker, "Dockerfile*");

        var serverKeys = dockerfiles.SelectMany(DockerfileEnvironmentNames)
            .Where(name => name.StartsWith("HyperRepHub__", StringComparison.Ordinal)
                || name.StartsWith("Orleans__", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        Assert.NotEmpty(serverKeys);
        Assert.All(serverKeys, key => Assert.Contains(key, documented));
    }

    private static bool IsExcused(string key) =>
        KeysNotSetByBicep.ContainsKey(key)
        || SectionsNotSetByBicep.Any(section => key.StartsWith(section, StringComparison.Ordinal));

    // Names assigned by ENV instructions, including continuation lines of a multi-variable ENV.
    private static IEnumerable<string> DockerfileEnvironmentNames(string path)
    {
        var inEnv = false;
        foreach (var rawLine in File.ReadLines(path))
        {
            var line = rawLine.Trim();
            if (line.StartsWith("ENV ", StringComparison.Ordinal))
            {
                inEnv = true;
                line = line["ENV ".Length..];
            }
            else if (!inEnv)
            {
                continue;
            }

            var assignment = line.TrimEnd('\\').Trim();
            if (assignment.Contains('='))
            {
                yield return assignment[..assignment.IndexOf('=')];
            }

            inEnv = line.EndsWith('\\');
        }
    }
}
