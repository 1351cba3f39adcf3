// Container Apps environment of the cluster. Orleans silos talk to each other over plain TCP, so the
// environment is VNet-integrated and internal: every app is reached through the environment's private static IP,
// which each silo advertises together with its own unique silo and gateway ports. A private DNS zone lets
// clients inside the virtual network resolve the apps' names to that IP.

@description('Azure region of the resources.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the Container Apps environment.')
param environmentName string

@description('Resource id of the delegated infrastructure subnet.')
param infrastructureSubnetId string

@description('Resource id of the virtual network the private DNS zone is linked to.')
param virtualNetworkId string

@description('Name of the existing Log Analytics workspace for console and system logs.')
param logAnalyticsName string

@description('Name of the existing Application Insights component that receives OpenTelemetry traces and logs.')
param applicationInsightsName string

@description('Serverless GPU workload profile type of the GPU silos.')
@allowed([
  'Consumption-GPU-NC8as-T4'
  'Consumption-GPU-NC24-A100'
])
param gpuWorkloadProfileType string

@description('Name the GPU silo apps use to select the GPU workload profile.')
param gpuWorkloadProfileName string = 'gpu'

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2025-07-01' existing = {
  name: logAnalyticsName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// NOTE: the managed OpenTelemetry agent (appInsightsConfiguration, openTelemetryConfiguration) exists only in
// preview API versions of Microsoft.App/managedEnvironments; the GA 2026-01-01 version rejects both properties.
resource environment 'Microsoft.App/managedEnvironments@2025-10-02-preview' = {
  name: environmentName
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logAnalytics.properties.customerId
        sharedKey: logAnalytics.listKeys().primarySharedKey
      }
    }
    // The agent injects OTEL_EXPORTER_OTLP_ENDPOINT into every app and forwards what the silos export.
    appInsightsConfiguration: {
      connectionString: applicationInsights.properties.ConnectionString
    }
    openTelemetryConfiguration: {
      tracesConfiguration: {
        destinations: [
          'appInsights'
        ]
      }
      logsConfiguration: {
        destinations: [
          'appInsights'
        ]
      }
    }
    vnetConfiguration: {
      infrastructureSubnetId: infrastructureSubnetId
      internal: true
    }
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
      {
        name: gpuWorkloadProfileName
        workloadProfileType: gpuWorkloadProfileType
      }
    ]
    zoneRedundant: false
  }
}

// The zone name is the environment's default domain, known only after the environment exists, so the zone
// lives in its own module.
module privateDns 'private-dns.bicep' = {
  name: 'private-dns'
  params: {
    tags: tags
    zoneName: environment.properties.defaultDomain
    staticIp: environment.properties.staticIp
    virtualNetworkId: virtualNetworkId
  }
}

output environmentId string = environment.id
output environmentName string = environment.name
output defaultDomain string = environment.properties.defaultDomain
output staticIp string = environment.properties.staticIp
output gpuWorkloadProfileName string = gpuWorkloadProfileName
