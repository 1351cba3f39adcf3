namespace HyperRepHub.Storage.Local;

/// <summary>The loopback ports of one Azurite instance and the connection string that reaches them.</summary>
/// <param name="BlobPort">Blob service port.</param>
/// <param name="QueuePort">Queue service port.</param>
/// <param name="TablePort">Table service port.</param>
public sealed record AzuriteEndpoints(int BlobPort, int QueuePort, int TablePort)
{
    // Azurite's fixed development account, published in Azurite's README; it opens nothing but a local emulator.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>A connection string for the blob, queue and table services on 127.0.0.1.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";
}
