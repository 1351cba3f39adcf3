using System.CommandLine;
using System.IO.Compression;
using Grpc.Core;
using HyperRepHub.Cli.Client;

namespace HyperRepHub.Cli.Commands;

/// <summary>
/// <c>hyperrep zoo upload DIR --zoo-id ID</c>: creates the zoo on the hub when missing and uploads every checkpoint.
/// Accepts a HyperRepHub zoo folder, the public model-zoo layout (sent as one zip archive) or a flat folder of
/// <c>.pt</c>/<c>.safetensors</c> files.
/// </summary>
internal static class UploadCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "Zoo folder to upload." };
        var zooId = new Option<string>("--zoo-id")
        {
            Description = "Id of the zoo on the hub: lower-case letters, digits and hyphens, 3 to 63 characters.",
            Required = true,
        };
        var architecture = new Option<string?>("--architecture")
        {
            Description = "Built-in architecture (cnn-s, cnn-l) when the folder has no manifest.json.",
        };
        var dataset = CommonOptions.OptionalDataset("the models were trained on",
            "default: the folder's manifest.json, if any");
        var epoch = new Option<int>("--epoch") { Description = "Epoch recorded for files of a flat folder." };
        var command = new Command("upload", "Upload a local zoo folder to the hub.");
        command.Arguments.Add(directory);
        command.With(zooId, architecture, dataset, epoch);
        command.SetAction((parseResult, cancellationToken) => HubCommandContext.RunAsync(parseResult,
            cancellationToken, async (context, token) =>
            {
                var folder = parseResult.GetRequiredValue(directory).FullName;
                var plan = ZooUploadPlan.Scan(folder, parseResult.GetValue(epoch));
                var id = parseResult.GetRequiredValue(zooId);
                using var client = context.Connect();
                await EnsureZooAsync(client, plan, id, parseResult.GetValue(architecture),
                    parseResult.GetValue(dataset), token);
                var (created, total) = plan.Layout == ZooFolderLayout.PublicZoo
                    ? await ImportArchiveAsync(client, folder, id, token)
                    : await UploadFilesAsync(client, plan, id, context, token);
                if (context.Json)
                {
                    context.WriteJson(new { zooId = id, layout = plan.Layout, checkpoints = total, created });
                }
                else
                {
                    context.Output.WriteLine(
                        $"zoo '{id}': {total} checkpoints ({created} new) from {plan.Layout} folder");
                }

                return 0;
            }));
        return command;
    }

    private static async Task EnsureZooAsync(HubClient client, ZooUploadPlan plan, string zooId,
        string? architecture, string? dataset, CancellationToken cancellationToken)
    {
        if (await client.FindZooAsync(zooId, cancellationToken) is not null)
        {
            return;
        }

        if (plan.ArchitectureJson is null && string.IsNullOrEmpty(architecture))
        {
            throw new HubClientException(
                $"Zoo '{zooId}' does not exist on the hub and the folder has no manifest.json: pass --architecture.");
        }

        var creation = new ZooCreation(zooId, plan.ArchitectureJson is null ? architecture! : "",
            plan.ArchitectureJson ?? "", dataset ?? plan.Dataset ?? "",
            $"uploaded by hyperrep from a {plan.Layout} folder");
        try
        {
            await client.CreateZooAsync(creation, cancellationToken);
        }
        catch (HubClientException error) when (error.Status == StatusCode.AlreadyExists)
        {
            // Another upload created it between the look-up and here; uploading into it is what the user asked.
        }
    }

    private static async Task<(int Created, int Total)> UploadFilesAsync(HubClient client, ZooUploadPlan plan,
        string zooId, HubCommandContext context, CancellationToken cancellationToken)
    {
        var created = 0;
        var uploaded = 0;
        try
        {
            for (; uploaded < plan.Items.Count; uploaded++)
            {
                if (await client.UploadModelAsync(plan.Items[uploaded], zooId, cancellationToken))
                {
                    created++;
                }

                if (!context.Json)
                {
                    context.Error.Write($"\ruploaded {uploaded + 1}/{plan.Items.Count}");
                }
            }
        }
        finally
        {
            // End the progress line, also when an upload failed, so the error message starts on a line of its own.
            if (!context.Json && uploaded > 0)
            {
                context.Error.WriteLine();
            }
        }

        return (created, plan.Items.Count);
    }

    private static async Task<(int Created, int Total)> ImportArchiveAsync(
        HubClient client, string folder, string zooId, CancellationToken cancellationToken)
    {
        var archive = Path.Combine(Path.GetTempPath(), $"hyperrep-upload-{Guid.NewGuid():N}.zip");
        try
        {
            await ZipFile.CreateFromDirectoryAsync(folder, archive, CompressionLevel.Fastest, false, cancellationToken);
            await using var stream = File.OpenRead(archive);
            var imported = await client.ImportZooAsync(zooId, stream, cancellationToken);
            return (imported, imported);
        }
        finally
        {
            File.Delete(archive);
        }
    }
}
