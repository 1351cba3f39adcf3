Console.WriteLine("No benchmarks yet.");
