using System.Globalization;
using HyperRepHub.Storage.Benchmarks;

// Measures the checkpoint store against a local Azurite, with no HTTP layer of the hub in between:
//   dotnet run -c Release --project benchmarks/HyperRepHub.Storage.Benchmarks -- [files] [concurrency]
int files = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
int concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
await CheckpointStoreBenchmark.RunAsync(files, concurrency, Console.Out);
