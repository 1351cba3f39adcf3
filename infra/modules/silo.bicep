// One Orleans silo as one Container App. Orleans needs every silo to be individually addressable, so each app
// runs exactly one replica (never scaled to zero, never scaled out) and exposes its own silo and gateway ports
// through TCP ingress; the silo advertises the environment's static IP with those ports. Add silos by adding
// apps, each with a new port pair, never by raising the replica count.

@description('Azure region of the resources.')
param location string

@description('Tags applied to every resource; the azd-service-name tag is added here.')
param tags object

@description('Container App name.')
param appName string

@description('azd service name whose image this app runs (azure.yaml).')
param serviceName string

@description('Resource id of the Container Apps environment.')
param environmentId string

@description('Workload profile the app runs on: Consumption for CPU silos, the GPU profile for GPU silos.')
param workloadProfileName string

@description('Image to run; empty before the first azd deploy, when a public placeholder image runs instead.')
param image string

@description('Login server of the registry the image is pulled from.')
param registryServer string

@description('Resource id of the user-assigned identity the app runs as and pulls with.')
param identityId string

@description('Client id of that identity, for DefaultAzureCredential.')
param identityClientId string

@description('Blob endpoint of the storage account.')
param blobServiceUri string

@description('Table endpoint of the storage account (clustering, reminders).')
param tableServiceUri string

@description('Orleans cluster id shared by every silo of the deployment.')
param clusterId string

@description('Orleans service id; it keys grain state and reminders, so keep it stable across deployments.')
param serviceId string

@description('Private static IP of the environment, advertised to other silos.')
param advertisedIpAddress string

@description('Silo-to-silo port; unique within the environment because TCP ingress routes by port.')
@minValue(1024)
@maxValue(65535)
param siloPort int

@description('Orleans client gateway port; unique within the environment.')
@minValue(1024)
@maxValue(65535)
param gatewayPort int

@description('Device the silo runs TorchSharp jobs on.')
@allowed([
  'cpu'
  'cuda'
])
param device string

@description('vCPUs of the container, as a decimal string such as 2.0.')
param cpu string

@description('Memory of the container, such as 4Gi.')
param memory string

@description('TorchSharp jobs the silo runs at once.')
@minValue(1)
param maxConcurrentJobs int

@description('Whether this silo serves the public gRPC API through HTTP/2 ingress.')
param grpcIngress bool

@description('API key clients send as a bearer token.')
@secure()
param apiKey string

@description('Seconds between SIGTERM and SIGKILL; longer than the silo\'s graceful shutdown.')
@minValue(30)
@maxValue(600)
param terminationGracePeriodSeconds int

// Container ports; fixed by the image, documented in docs/configuration.md.
var grpcPort = 5080
var httpPort = 5081

// azd provisions before it has built any image, so a first provision runs a public placeholder without probes.
var placeholderImage = 'mcr.microsoft.com/azuredocs/containerapps-helloworld:latest'
var usesPlaceholder = empty(image)

var orleansPortMappings = [
  {
    external: true
    targetPort: gatewayPort
    exposedPort: gatewayPort
  }
]

// In an internal environment, external ingress means reachable from the virtual network, not the internet.
var grpcIngressSettings = {
  external: true
  transport: 'http2'
  targetPort: grpcPort
  allowInsecure: false
  additionalPortMappings: concat(
    [
      {
        external: true
        targetPort: siloPort
        exposedPort: siloPort
      }
    ],
    orleansPortMappings
  )
}

var siloIngressSettings = {
  external: true
  transport: 'tcp'
  targetPort: siloPort
  exposedPort: siloPort
  additionalPortMappings: orleansPortMappings
}

var healthProbes = [
  {
    type: 'Startup'
    httpGet: {
      path: '/healthz'
      port: httpPort
      scheme: 'HTTP'
    }
    periodSeconds: 5
    failureThreshold: 60
    timeoutSeconds: 3
  }
  {
    type: 'Liveness'
    httpGet: {
      path: '/healthz'
      port: httpPort
      scheme: 'HTTP'
    }
    periodSeconds: 10
    failureThreshold: 3
    timeoutSeconds: 3
  }
  {
    type: 'Readiness'
    httpGet: {
      path: '/healthz'
      port: httpPort
      scheme: 'HTTP'
    }
    periodSeconds: 10
    failureThreshold: 3
    timeoutSeconds: 3
  }
]

resource app 'Microsoft.App/containerApps@2026-01-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environmentId
    workloadProfileName: workloadProfileName
    configuration: {
      // Revisions cannot split Orleans TCP traffic, so only one revision is ever active.
      activeRevisionsMode: 'Single'
      ingress: grpcIngress ? grpcIngressSettings : siloIngressSettings
      registries: [
        {
          server: registryServer
          identity: identityId
        }
      ]
      secrets: [
        {
          name: 'api-key'
          value: apiKey
        }
      ]
    }
    template: {
      terminationGracePeriodSeconds: terminationGracePeriodSeconds
      containers: [
        {
          name: 'silo'
          image: usesPlaceholder ? placeholderImage : image
          resources: {
            cpu: json(cpu)
            memory: memory
          }
          probes: usesPlaceholder ? [] : healthProbes
          env: [
            { name: 'AZURE_CLIENT_ID', value: identityClientId }
            { name: 'HyperRepHub__Storage__BlobServiceUri', value: blobServiceUri }
            { name: 'HyperRepHub__Storage__TableServiceUri', value: tableServiceUri }
            { name: 'Orleans__ClusterId', value: clusterId }
            { name: 'Orleans__ServiceId', value: serviceId }
            { name: 'Orleans__SiloPort', value: string(siloPort) }
            { name: 'Orleans__GatewayPort', value: string(gatewayPort) }
            { name: 'Orleans__AdvertisedIPAddress', value: advertisedIpAddress }
            { name: 'HyperRepHub__Silo__Device', value: device }
            { name: 'HyperRepHub__Grpc__Port', value: string(grpcPort) }
            { name: 'HyperRepHub__Http__Port', value: string(httpPort) }
            { name: 'HyperRepHub__Http__BindAddress', value: '0.0.0.0' }
            { name: 'HyperRepHub__ApiKeys__0', secretRef: 'api-key' }
            { name: 'HyperRepHub__Jobs__MaxConcurrent', value: string(maxConcurrentJobs) }
          ]
        }
      ]
      scale: {
        minReplicas: 1
        maxReplicas: 1
      }
    }
  }
}

output appName string = app.name
output fqdn string = app.properties.configuration.ingress.fqdn
