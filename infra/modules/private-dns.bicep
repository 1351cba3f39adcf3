// Private DNS zone for an internal Container Apps environment: the wildcard record sends every app name of the
// environment's default domain to the environment's private static IP, for resolvers inside the linked network.

@description('Tags applied to every resource.')
param tags object

@description('DNS zone name: the environment\'s default domain.')
param zoneName string

@description('Private static IP of the environment.')
param staticIp string

@description('Resource id of the virtual network that resolves names through this zone.')
param virtualNetworkId string

resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: zoneName
  location: 'global'
  tags: tags
}

resource wildcardRecord 'Microsoft.Network/privateDnsZones/A@2024-06-01' = {
  parent: zone
  name: '*'
  properties: {
    ttl: 300
    aRecords: [
      {
        ipv4Address: staticIp
      }
    ]
  }
}

resource virtualNetworkLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zone
  name: 'container-apps-vnet'
  location: 'global'
  tags: tags
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: virtualNetworkId
    }
  }
}

output zoneName string = zone.name
