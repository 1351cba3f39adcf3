namespace HyperRepHub.Storage.Tests;

public sealed class StorageOptionsValidatorTests
{
    private readonly StorageOptionsValidator _validator = new();

    [Fact]
    public void Validate_NothingConfigured_SucceedsForLocalEmulator()
    {
        var options = new StorageOptions();

        var result = _validator.Validate(null, options);

        Assert.True(result.Succeeded);
        Assert.True(options.UsesLocalEmulator);
    }

    [Fact]
    public void Validate_MissingTableUri_NamesIt()
    {
        var options = new StorageOptions { BlobServiceUri = "https://account.blob.core.windows.net" };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("HyperRepHub:Storage:TableServiceUri is missing", result.FailureMessage);
    }

    [Fact]
    public void Validate_RelativeServiceUri_NamesTheProperty()
    {
        var options = new StorageOptions
        {
            BlobServiceUri = "account.blob.core.windows.net",
            TableServiceUri = "https://account.table.core.windows.net",
        };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("HyperRepHub:Storage:BlobServiceUri must be an absolute http or https URI", result.FailureMessage);
        Assert.DoesNotContain("TableServiceUri", result.FailureMessage);
    }

    [Fact]
    public void Validate_MalformedConnectionString_NamesConnectionString()
    {
        var options = new StorageOptions { ConnectionString = "not a connection string" };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("HyperRepHub:Storage:ConnectionString is not a valid", result.FailureMessage);
    }

    [Fact]
    public void Validate_BothServiceUris_Succeeds()
    {
        var options = new StorageOptions
        {
            BlobServiceUri = "https://account.blob.core.windows.net",
            TableServiceUri = "https://account.table.core.windows.net",
        };

        var result = _validator.Validate(null, options);

        Assert.True(result.Succeeded);
        Assert.False(options.UsesLocalEmulator);
    }

    [Theory]
    [InlineData(0L, 1024, "MaxUploadBytes")]
    [InlineData(-5L, 1024, "MaxUploadBytes")]
    [InlineData(null, 0, "BlockSizeBytes")]
    public void Validate_NonPositiveSizes_NameTheProperty(long? maxUploadBytes, int blockSizeBytes, string property)
    {
        var options = new StorageOptions { MaxUploadBytes = maxUploadBytes, BlockSizeBytes = blockSizeBytes };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"HyperRepHub:Storage:{property} must be positive", result.FailureMessage);
    }
}
