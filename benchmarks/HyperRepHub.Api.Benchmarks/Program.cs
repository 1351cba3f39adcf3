using HyperRepHub.Api.Benchmarks;

// Usage: dotnet run -c Release --project benchmarks/HyperRepHub.Api.Benchmarks -- [calls] [clients] [models]
int calls = args.Length > 0 ? int.Parse(args[0]) : 200;
int clients = args.Length > 1 ? int.Parse(args[1]) : 8;
int models = args.Length > 2 ? int.Parse(args[2]) : 100;
return await GenerateDownloadBenchmark.RunAsync(calls, clients, models);
