using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace HyperRepHub.Storage;

/// <summary>Checks <see cref="StorageOptions"/> at start-up. Each failure names the configuration key to fix.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string Prefix = StorageOptions.SectionName + ":";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            ValidateConnectionString(options.ConnectionString, failures);
        }
        else if (!options.UsesLocalEmulator)
        {
            ValidateServiceUri(nameof(StorageOptions.BlobServiceUri), options.BlobServiceUri, failures);
            ValidateServiceUri(nameof(StorageOptions.TableServiceUri), options.TableServiceUri, failures);
        }

        if (options.MaxUploadBytes is <= 0)
        {
            failures.Add($"{Prefix}{nameof(StorageOptions.MaxUploadBytes)} must be positive or empty for no limit, " +
                $"got {options.MaxUploadBytes}.");
        }

        if (options.BlockSizeBytes <= 0)
        {
            failures.Add($"{Prefix}{nameof(StorageOptions.BlockSizeBytes)} must be positive, " +
                $"got {options.BlockSizeBytes}; the default is {StorageOptions.DefaultBlockSizeBytes}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateConnectionString(string connectionString, List<string> failures)
    {
        try
        {
            _ = new BlobServiceClient(connectionString);
            _ = new TableServiceClient(connectionString);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            // The parsers' messages name the missing keyword, never the key itself, so they are safe to show.
            failures.Add($"{Prefix}{nameof(StorageOptions.ConnectionString)} is not a valid Azure Storage " +
                $"connection string: {ex.Message}");
        }
    }

    private static void ValidateServiceUri(string property, string? value, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{Prefix}{property} is missing: without a connection string both " +
                $"{nameof(StorageOptions.BlobServiceUri)} and {nameof(StorageOptions.TableServiceUri)} are required.");
            return;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
        {
            failures.Add($"{Prefix}{property} must be an absolute http or https URI, got '{value}'.");
        }
    }
}
