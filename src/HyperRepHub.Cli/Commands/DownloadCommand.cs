using System.CommandLine;

namespace HyperRepHub.Cli.Commands;

/// <summary>
/// <c>hyperrep download POPULATION_ID --out DIR</c>: saves one safetensors file per generated model, loadable with
/// <c>safetensors.torch.load_file</c>.
/// </summary>
internal static class DownloadCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("population-id") { Description = "Id of the population." };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder to write the files into.",
            Required = true,
        };
        var epoch = new Option<int>("--epoch")
        {
            Description = "Fine-tuning epoch to download (default 0, the generated weights).",
        };
        epoch.Validators.Add(result =>
        {
            int value = result.GetValueOrDefault<int>();
            if (value < 0)
            {
                result.AddError($"Invalid --epoch {value}: pass 0 for the generated weights or a fine-tuning epoch.");
            }
        });
        var command = new Command("download", "Download a population's weights as safetensors files (hub).");
        command.Arguments.Add(id);
        command.With(output, epoch);
        command.SetAction((parseResult, cancellationToken) => HubCommandContext.RunAsync(parseResult,
            cancellationToken, async (context, token) =>
            {
                using var client = context.Connect();
                var folder = parseResult.GetRequiredValue(output).FullName;
                var files = await client.DownloadWeightsAsync(
                    parseResult.GetRequiredValue(id), parseResult.GetValue(epoch), folder, token);
                if (context.Json)
                {
                    context.WriteJson(files);
                }
                else
                {
                    context.Output.WriteLine($"wrote {files.Count} files to {folder}");
                }

                return 0;
            }));
        return command;
    }
}
