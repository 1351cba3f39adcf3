// The one storage account of the hub. Checkpoints and grain state go to blob containers; Orleans clustering and
// reminders go to tables. Shared keys are disabled, so every client authenticates with Microsoft Entra ID
// (the silos use their managed identity through DefaultAzureCredential).

@description('Azure region of the resources.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Globally unique storage account name: 3-24 lowercase letters and digits.')
@minLength(3)
@maxLength(24)
param storageAccountName string

@description('Blob containers: zoo, hyper-representation and population checkpoints, operation records, grain state.')
param containerNames array = [
  'zoos'
  'hyperreps'
  'populations'
  'operations'
  'grainstate'
]

@description('Tables to create: Orleans cluster membership and reminders (the providers\' default table names).')
param tableNames array = [
  'OrleansSiloInstances'
  'OrleansReminders'
]

resource storageAccount 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: storageAccount
  name: 'default'
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = [
  for name in containerNames: {
    parent: blobService
    name: name
    properties: {
      publicAccess: 'None'
    }
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-06-01' = {
  parent: storageAccount
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-06-01' = [
  for name in tableNames: {
    parent: tableService
    name: name
  }
]

output storageAccountName string = storageAccount.name
output blobServiceUri string = storageAccount.properties.primaryEndpoints.blob
output tableServiceUri string = storageAccount.properties.primaryEndpoints.table
