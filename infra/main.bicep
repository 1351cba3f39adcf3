// HyperRepHub on Azure Container Apps: an Orleans cluster of one silo per Container App.
//
// What runs where:
//   hub        CPU silo on the Consumption profile; the only app with gRPC ingress (HTTP/2) for clients.
//   cpuworker  CPU silo on the Consumption profile; trains zoos and hyper-representations on CPU.
//   gpuworker  GPU silo on the serverless GPU profile; grains that prefer CUDA are placed here.
// All three share one storage account (checkpoints, grain state, clustering, reminders), one registry,
// one managed identity and one internal, VNet-integrated environment.
targetScope = 'subscription'

@description('azd environment name; it names the resource group and seeds every resource name.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Azure region of every resource; it must offer the chosen serverless GPU profile.')
@minLength(1)
param location string

@description('Serverless GPU workload profile of the GPU silo: T4 (8 vCPU, 56 GiB) or A100 (24 vCPU, 220 GiB).')
@allowed([
  'Consumption-GPU-NC8as-T4'
  'Consumption-GPU-NC24-A100'
])
param gpuWorkloadProfileType string = 'Consumption-GPU-NC8as-T4'

@description('API key clients send as "authorization: Bearer <key>"; at least 32 characters.')
@secure()
@minLength(32)
param apiKey string

@description('Image of the hub service; azd fills it in after the first deploy.')
param hubImageName string = ''

@description('Image of the cpuworker service; azd fills it in after the first deploy.')
param cpuWorkerImageName string = ''

@description('Image of the gpuworker service; azd fills it in after the first deploy.')
param gpuWorkerImageName string = ''

@description('Seconds a silo gets between SIGTERM and SIGKILL; must exceed the silo\'s graceful shutdown.')
@minValue(30)
@maxValue(600)
param terminationGracePeriodSeconds int = 120

var tags = {
  'azd-env-name': environmentName
}
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var clusterId = 'hyperrephub-${environmentName}'
var serviceId = 'hyperrephub'

var gpuResources = {
  'Consumption-GPU-NC8as-T4': {
    cpu: '8.0'
    memory: '56Gi'
  }
  'Consumption-GPU-NC24-A100': {
    cpu: '24.0'
    memory: '220Gi'
  }
}

// One row per silo app. Ports must be unique across the environment (TCP ingress routes by port) and must
// avoid 36985, which Container Apps reserves. serviceName is the azd service in azure.yaml.
var silos = [
  {
    serviceName: 'hub'
    image: hubImageName
    workloadProfileName: 'Consumption'
    device: 'cpu'
    cpu: '2.0'
    memory: '4Gi'
    siloPort: 11111
    gatewayPort: 30000
    maxConcurrentJobs: 1
    grpcIngress: true
  }
  {
    serviceName: 'cpuworker'
    image: cpuWorkerImageName
    workloadProfileName: 'Consumption'
    device: 'cpu'
    cpu: '4.0'
    memory: '8Gi'
    siloPort: 11112
    gatewayPort: 30001
    maxConcurrentJobs: 1
    grpcIngress: false
  }
  {
    serviceName: 'gpuworker'
    image: gpuWorkerImageName
    workloadProfileName: 'gpu'
    device: 'cuda'
    cpu: gpuResources[gpuWorkloadProfileType].cpu
    memory: gpuResources[gpuWorkloadProfileType].memory
    siloPort: 11113
    gatewayPort: 30002
    maxConcurrentJobs: 1
    grpcIngress: false
  }
]

resource resourceGroup 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  scope: resourceGroup
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
  }
}

module network 'modules/network.bicep' = {
  scope: resourceGroup
  name: 'network'
  params: {
    location: location
    tags: tags
    virtualNetworkName: 'vnet-${resourceToken}'
  }
}

module storage 'modules/storage.bicep' = {
  scope: resourceGroup
  name: 'storage'
  params: {
    location: location
    tags: tags
    storageAccountName: 'st${resourceToken}'
  }
}

module registry 'modules/registry.bicep' = {
  scope: resourceGroup
  name: 'registry'
  params: {
    location: location
    tags: tags
    registryName: 'cr${resourceToken}'
  }
}

module identity 'modules/identity.bicep' = {
  scope: resourceGroup
  name: 'identity'
  params: {
    location: location
    tags: tags
    identityName: 'id-silo-${resourceToken}'
    storageAccountName: storage.outputs.storageAccountName
    registryName: registry.outputs.registryName
  }
}

module environment 'modules/environment.bicep' = {
  scope: resourceGroup
  name: 'environment'
  params: {
    location: location
    tags: tags
    environmentName: 'cae-${resourceToken}'
    infrastructureSubnetId: network.outputs.infrastructureSubnetId
    virtualNetworkId: network.outputs.virtualNetworkId
    logAnalyticsName: monitoring.outputs.logAnalyticsName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    gpuWorkloadProfileType: gpuWorkloadProfileType
  }
}

// Each silo app takes the identity module's outputs, so it is created only after that module, including its
// role assignments, has finished: the first image pull and storage call already have their roles.
module siloApps 'modules/silo.bicep' = [
  for silo in silos: {
    scope: resourceGroup
    name: 'silo-${silo.serviceName}'
    params: {
      location: location
      tags: tags
      appName: 'ca-${silo.serviceName}-${resourceToken}'
      serviceName: silo.serviceName
      environmentId: environment.outputs.environmentId
      workloadProfileName: silo.workloadProfileName == 'gpu'
        ? environment.outputs.gpuWorkloadProfileName
        : silo.workloadProfileName
      image: silo.image
      registryServer: registry.outputs.loginServer
      identityId: identity.outputs.identityId
      identityClientId: identity.outputs.clientId
      blobServiceUri: storage.outputs.blobServiceUri
      tableServiceUri: storage.outputs.tableServiceUri
      clusterId: clusterId
      serviceId: serviceId
      advertisedIpAddress: environment.outputs.staticIp
      siloPort: silo.siloPort
      gatewayPort: silo.gatewayPort
      device: silo.device
      cpu: silo.cpu
      memory: silo.memory
      maxConcurrentJobs: silo.maxConcurrentJobs
      grpcIngress: silo.grpcIngress
      apiKey: apiKey
      terminationGracePeriodSeconds: terminationGracePeriodSeconds
    }
  }
]

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = registry.outputs.loginServer
output AZURE_CONTAINER_REGISTRY_NAME string = registry.outputs.registryName
output AZURE_CONTAINER_APPS_ENVIRONMENT_NAME string = environment.outputs.environmentName
output AZURE_CONTAINER_APPS_STATIC_IP string = environment.outputs.staticIp
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobServiceUri
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableServiceUri
// silos[0] is the hub, the only silo with gRPC ingress.
output HYPERREPHUB_GRPC_ENDPOINT string = 'https://${siloApps[0].outputs.fqdn}'
output ORLEANS_CLUSTER_ID string = clusterId
