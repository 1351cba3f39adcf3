using HyperRepHub.Benchmarks;

// Usage: dotnet run -c Release --project benchmarks/HyperRepHub.Benchmarks -- zoo-training [--models M] [--steps S]
//        [--batches 10,64] [--threads T] [--workers W] [--models-per-pass N] [--rounds R]
//        dotnet run -c Release --project benchmarks/HyperRepHub.Benchmarks -- zoo-step-profile [--models M]
//        [--repeats R] [--batches 10,64] [--threads T] [--layout contiguous]
//        dotnet run -c Release --project benchmarks/HyperRepHub.Benchmarks -- alignment --zoo DIR [--rounds R]
return args.FirstOrDefault() switch
{
    "zoo-training" => ZooTrainingBenchmark.Run(args[1..]),
    "zoo-step-profile" => StepProfile.Run(args[1..]),
    "alignment" => AlignmentBenchmark.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine(
        "Usage: HyperRepHub.Benchmarks zoo-training [--models M] [--steps S] [--batches 10,64] [--threads T] " +
        "[--workers W] [--models-per-pass N] [--rounds R]");
    Console.Error.WriteLine(
        "       HyperRepHub.Benchmarks zoo-step-profile [--models M] [--repeats R] [--batches 10,64] [--threads T] " +
        "[--layout contiguous]");
    Console.Error.WriteLine("       HyperRepHub.Benchmarks alignment --zoo DIR [--rounds R]");
    return 2;
}
