using System.Text.Json.Nodes;
using HyperRepHub.Deploy.Tests.Support;

namespace HyperRepHub.Deploy.Tests;

/// <summary>Checks the compiled template against the rules Orleans needs on Azure Container Apps.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class SiloTopologyTests(CompiledTemplateFixture template)
{
    // Container Apps reserves this TCP port in every environment.
    private const int ReservedPort = 36985;

    // .NET's HostOptions.ShutdownTimeout default; the silo stops within it.
    private const int HostShutdownSeconds = 30;

    private JsonArray Silos => (JsonArray)template.Main["variables"]!["silos"]!;

    private TemplateResource SiloApp => ArmTemplate.FindSingle(template.Main, "Microsoft.App/containerApps");

    [Fact]
    public void Silos_OrleansPorts_AreUniqueAcrossTheEnvironment()
    {
        var ports = Silos.SelectMany(silo => new[] { Port(silo, "siloPort"), Port(silo, "gatewayPort") }).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.DoesNotContain(ReservedPort, ports);
    }

    [Fact]
    public void Silos_GrpcIngress_OnlyOnTheHub()
    {
        var withIngress = Silos.Where(silo => silo!["grpcIngress"]!.GetValue<bool>()).ToList();

        var hub = Assert.Single(withIngress);
        Assert.Equal("hub", hub!["serviceName"]!.GetValue<string>());
        Assert.Equal("hub", Silos[0]!["serviceName"]!.GetValue<string>());
    }

    [Fact]
    public void Silos_Devices_IncludeOneGpuSilo()
    {
        var devices = Silos.Select(silo => silo!["device"]!.GetValue<string>()).ToList();

        Assert.Single(devices, device => device == "cuda");
        Assert.Contains("cpu", devices);
    }

    [Fact]
    public void SiloApp_Scale_IsExactlyOneReplica()
    {
        var scale = SiloApp.Resource["properties"]!["template"]!["scale"]!;

        Assert.Equal(1, scale["minReplicas"]!.GetValue<int>());
        Assert.Equal(1, scale["maxReplicas"]!.GetValue<int>());
    }

    [Fact]
    public void SiloApp_RevisionsMode_IsSingle()
    {
        var configuration = SiloApp.Resource["properties"]!["configuration"]!;

        Assert.Equal("Single", configuration["activeRevisionsMode"]!.GetValue<string>());
    }

    [Fact]
    public void GrpcIngress_Transport_IsHttp2()
    {
        var ingress = SiloApp.Variable("grpcIngressSettings");

        Assert.Equal("http2", ingress["transport"]!.GetValue<string>());
        Assert.Equal(5080, SiloApp.Variable("grpcPort").GetValue<int>());
        Assert.Equal("[variables('grpcPort')]", ingress["targetPort"]!.GetValue<string>());
    }

    [Fact]
    public void SiloIngress_OrleansPorts_ExposedUnchanged()
    {
        var ingress = SiloApp.Variable("siloIngressSettings");
        var gatewayMapping = SiloApp.Variable("orleansPortMappings")[0]!;

        Assert.Equal("tcp", ingress["transport"]!.GetValue<string>());
        Assert.Equal("[parameters('siloPort')]", ingress["targetPort"]!.GetValue<string>());
        Assert.Equal("[parameters('siloPort')]", ingress["exposedPort"]!.GetValue<string>());
        Assert.Equal("[parameters('gatewayPort')]", gatewayMapping["targetPort"]!.GetValue<string>());
        Assert.Equal("[parameters('gatewayPort')]", gatewayMapping["exposedPort"]!.GetValue<string>());
    }

    [Fact]
    public void SiloApp_Probes_UseHealthz()
    {
        var probes = SiloApp.Variable("healthProbes").AsArray();

        Assert.Equal(["Startup", "Liveness", "Readiness"], probes.Select(probe => probe!["type"]!.GetValue<string>()));
        Assert.All(probes, probe => Assert.Equal("/healthz", probe!["httpGet"]!["path"]!.GetValue<string>()));
        Assert.All(probes, probe =>
            Assert.Equal("[variables('httpPort')]", probe!["httpGet"]!["port"]!.GetValue<string>()));
        Assert.Equal(5081, SiloApp.Variable("httpPort").GetValue<int>());
    }

    [Fact]
    public void SiloApp_TerminationGracePeriod_ExceedsHostShutdown()
    {
        var grace = template.Main["parameters"]!["terminationGracePeriodSeconds"]!;

        Assert.True(grace["defaultValue"]!.GetValue<int>() > HostShutdownSeconds);
        Assert.True(grace["minValue"]!.GetValue<int>() >= HostShutdownSeconds);
    }

    [Fact]
    public void Environment_Network_IsInternalWithGpuProfile()
    {
        var environment = ArmTemplate.FindSingle(template.Main, "Microsoft.App/managedEnvironments");
        var properties = environment.Resource["properties"]!;
        var profileTypes = properties["workloadProfiles"]!.AsArray()
            .Select(profile => profile!["workloadProfileType"]!.GetValue<string>()).ToList();

        Assert.True(properties["vnetConfiguration"]!["internal"]!.GetValue<bool>());
        Assert.Contains("Consumption", profileTypes);
        Assert.Contains("[parameters('gpuWorkloadProfileType')]", profileTypes);
        Assert.Equal("Consumption-GPU-NC8as-T4",
            template.Main["parameters"]!["gpuWorkloadProfileType"]!["defaultValue"]!.GetValue<string>());
    }

    [Fact]
    public void StorageAccount_SharedKeyAccess_IsDisabled()
    {
        var account = ArmTemplate.FindSingle(template.Main, "Microsoft.Storage/storageAccounts");

        Assert.False(account.Resource["properties"]!["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.False(account.Resource["properties"]!["allowBlobPublicAccess"]!.GetValue<bool>());
    }

    [Fact]
    public void StorageAccount_Containers_CoverCheckpointsAndGrainState()
    {
        var account = ArmTemplate.FindSingle(template.Main, "Microsoft.Storage/storageAccounts");
        var containers = account.ParameterDefault("containerNames").AsArray()
            .Select(name => name!.GetValue<string>()).ToList();

        Assert.Equal(["zoos", "hyperreps", "populations", "operations", "grainstate"], containers);
    }

    [Fact]
    public void Identity_RoleAssignments_OnlyDataRoles()
    {
        var expected = new[]
        {
            "7f951dda-4ed3-4680-a7ca-43fe172d538d", // AcrPull
            "ba92f5b4-2d11-453d-a403-e96b0029c9fe", // Storage Blob Data Contributor
            "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
        };
        var assignments = ArmTemplate.FindResources(template.Main, "Microsoft.Authorization/roleAssignments");

        var roleIds = assignments.Select(found => RoleIdOf(found)).Order().ToList();

        Assert.Equal(expected.Order(), roleIds);
    }

    [Fact]
    public void Registry_AdminUser_IsDisabled()
    {
        var registry = ArmTemplate.FindSingle(template.Main, "Microsoft.ContainerRegistry/registries");

        Assert.False(registry.Resource["properties"]!["adminUserEnabled"]!.GetValue<bool>());
    }

    [Fact]
    public void Outputs_IncludeWhatAzdAndClientsNeed()
    {
        var outputs = template.Main["outputs"]!.AsObject().Select(pair => pair.Key).ToList();

        Assert.Contains("AZURE_CONTAINER_REGISTRY_ENDPOINT", outputs);
        Assert.Contains("AZURE_RESOURCE_GROUP", outputs);
        Assert.Contains("HYPERREPHUB_GRPC_ENDPOINT", outputs);
    }

    private static int Port(JsonNode? silo, string name) => silo![name]!.GetValue<int>();

    // The role id is the last argument of roleDefinition(...), a variable of the declaring template.
    private static string RoleIdOf(TemplateResource found)
    {
        var expression = found.Resource["properties"]!["roleDefinitionId"]!.GetValue<string>();
        var variable = expression.Split("variables('")[1].Split("')")[0];
        return found.Variable(variable).GetValue<string>();
    }
}
