// Container registry for the silo images. The admin user stays disabled: azd pushes with the deployer's
// Entra ID token and the silos pull with their managed identity (AcrPull).

@description('Azure region of the resources.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Globally unique registry name: 5-50 letters and digits.')
@minLength(5)
@maxLength(50)
param registryName string

@description('Registry tier. Basic includes 10 GiB of storage and bills more per GiB; one CUDA image is several GiB.')
@allowed([
  'Basic'
  'Standard'
  'Premium'
])
param sku string = 'Basic'

resource registry 'Microsoft.ContainerRegistry/registries@2025-04-01' = {
  name: registryName
  location: location
  tags: tags
  sku: {
    name: sku
  }
  properties: {
    adminUserEnabled: false
    anonymousPullEnabled: false
  }
}

output registryName string = registry.name
output loginServer string = registry.properties.loginServer
