// Virtual network for the Container Apps environment. The environment's infrastructure subnet is delegated to
// Microsoft.App/environments, which workload-profile environments require (minimum size /27).

@description('Azure region of the resources.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the virtual network.')
param virtualNetworkName string

@description('Address space of the virtual network.')
param addressPrefix string = '10.80.0.0/20'

@description('Address range of the Container Apps infrastructure subnet; a /23 leaves room for GPU nodes.')
param infrastructureSubnetPrefix string = '10.80.0.0/23'

resource virtualNetwork 'Microsoft.Network/virtualNetworks@2025-07-01' = {
  name: virtualNetworkName
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: 'container-apps'
        properties: {
          addressPrefix: infrastructureSubnetPrefix
          delegations: [
            {
              name: 'container-apps-environments'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
          serviceEndpoints: [
            {
              service: 'Microsoft.Storage'
            }
          ]
        }
      }
    ]
  }
}

output virtualNetworkId string = virtualNetwork.id
output infrastructureSubnetId string = virtualNetwork.properties.subnets[0].id
