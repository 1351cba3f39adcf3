using System.Globalization;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using HyperRepHub.Deploy.Tests.Support;

namespace HyperRepHub.Deploy.Tests.ContainerApps;

/// <summary>
/// Starts the server the way Container Apps starts a silo replica: the environment variables the Bicep sets,
/// the managed identity endpoint the platform provides, a storage account that accepts only bearer tokens
/// (Azurite with OAuth), and SIGTERM to stop.
/// </summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class ContainerAppsStartupTests(CompiledTemplateFixture template) : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private readonly string _directory = Directory.CreateTempSubdirectory("hyperrephub-aca-").FullName;
    private readonly string _apiKey = Convert.ToHexString(Guid.NewGuid().ToByteArray()) + "0123456789abcdef";
    private readonly int _grpcPort = FreePort.Next();
    private readonly int _httpPort = FreePort.Next();
    private OAuthAzurite? _azurite;
    private ManagedIdentityEndpoint? _identity;
    private ServerProcess? _server;

    public async Task InitializeAsync()
    {
        var certificate = TestCertificate.Create(_directory);
        _azurite = await OAuthAzurite.StartAsync(Path.Combine(_directory, "azurite"), certificate);
        _identity = new ManagedIdentityEndpoint(Guid.NewGuid().ToString());
        var environment = new Dictionary<string, string>(SiloVariables(_azurite, _identity))
        {
            // Set by Container Apps for every app with a managed identity.
            ["IDENTITY_ENDPOINT"] = _identity.Endpoint,
            ["IDENTITY_HEADER"] = _identity.Secret,
            ["CONTAINER_APP_NAME"] = "ca-hub-deploytest",
            ["CONTAINER_APP_REVISION"] = "ca-hub-deploytest--0000001",
            ["CONTAINER_APP_REPLICA_NAME"] = "ca-hub-deploytest--0000001-5f7d8c9b4-abcde",
            // Test only: trust Azurite's self-signed certificate the way Azure's CA chain is trusted in the cloud.
            ["SSL_CERT_FILE"] = certificate.CertificatePath,
        };
        _server = ServerProcess.Start(environment, _directory);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_identity is not null)
        {
            await _identity.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Server_ContainerAppsEnvironment_StartsServesAndStops()
    {
        var server = _server!;
        await WaitForStartAsync(server);

        using var http = new HttpClient { Timeout = CallTimeout };
        using var healthz = await http.GetAsync($"http://127.0.0.1:{_httpPort}/healthz");
        var grpcHealth = await CheckGrpcHealthAsync();
        var grace = TimeSpan.FromSeconds(
            template.Main["parameters"]!["terminationGracePeriodSeconds"]!["defaultValue"]!.GetValue<int>());
        await server.TerminateAsync(grace);

        Assert.Equal(System.Net.HttpStatusCode.OK, healthz.StatusCode);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, grpcHealth);
        Assert.NotEmpty(_identity!.IssuedFor);
        Assert.All(_identity.IssuedFor, resource => Assert.StartsWith("https://storage.azure.com", resource));
        Assert.Empty(_identity.Rejected);
        Assert.True(server.HasExited, $"The server did not stop within {grace} of SIGTERM.");
        Assert.True(server.ExitCode == 0, $"The server exited with {server.ExitCode}:\n{server.Output.Text}");
        Assert.True(ErrorEntries(server.Output.Text).Count == 0, string.Join('\n', ErrorEntries(server.Output.Text)));
    }

    // The console logger starts an entry at level Error with "fail:" and at Critical with "crit:".
    private static List<string> ErrorEntries(string output)
    {
        var lines = output.Split('\n');
        return lines
            .Select((line, index) => (line, index))
            .Where(entry => entry.line.StartsWith("fail:", StringComparison.Ordinal)
                || entry.line.StartsWith("crit:", StringComparison.Ordinal))
            .Select(entry => string.Join('\n', lines.Skip(entry.index).Take(4)))
            .ToList();
    }

    private async Task WaitForStartAsync(ServerProcess server)
    {
        try
        {
            await server.Output.WaitForAsync("Application started", StartTimeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The server did not start within {StartTimeout}:\n{server.Output.Text}");
        }
    }

    private async Task<HealthCheckResponse.Types.ServingStatus> CheckGrpcHealthAsync()
    {
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{_grpcPort}");
        var client = new Health.HealthClient(channel);
        var headers = new Metadata { { "authorization", $"Bearer {_apiKey}" } };
        var response = await client.CheckAsync(
            new HealthCheckRequest(), headers, deadline: DateTime.UtcNow.Add(CallTimeout));
        return response.Status;
    }

    // Values for exactly the variables infra/modules/silo.bicep sets; a variable added there without a value
    // here fails the test.
    private Dictionary<string, string> SiloVariables(OAuthAzurite azurite, ManagedIdentityEndpoint identity)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AZURE_CLIENT_ID"] = identity.ClientId,
            ["HyperRepHub__Storage__BlobServiceUri"] = azurite.BlobServiceUri,
            ["HyperRepHub__Storage__TableServiceUri"] = azurite.TableServiceUri,
            ["Orleans__ClusterId"] = "hyperrephub-deploytest",
            ["Orleans__ServiceId"] = "hyperrephub",
            ["Orleans__SiloPort"] = Format(FreePort.Next()),
            ["Orleans__GatewayPort"] = Format(FreePort.Next()),
            // Stands in for the environment's static IP, which only exists inside Azure.
            ["Orleans__AdvertisedIPAddress"] = "127.0.0.1",
            ["HyperRepHub__Silo__Device"] = "cpu",
            ["HyperRepHub__Grpc__Port"] = Format(_grpcPort),
            ["HyperRepHub__Http__Port"] = Format(_httpPort),
            ["HyperRepHub__Http__BindAddress"] = "0.0.0.0",
            ["HyperRepHub__ApiKeys__0"] = _apiKey,
            ["HyperRepHub__Jobs__MaxConcurrent"] = "1",
        };
        var app = ArmTemplate.FindSingle(template.Main, "Microsoft.App/containerApps");
        var names = app.Resource["properties"]!["template"]!["containers"]![0]!["env"]!.AsArray()
            .Select(variable => variable!["name"]!.GetValue<string>())
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(names.Order(), values.Keys.Order());
        return values;
    }

    private static string Format(int port) => port.ToString(CultureInfo.InvariantCulture);
}
