using static TorchSharp.torch;

namespace HyperRepHub.Core.FineTuning;

/// <summary>The outcome of a fine-tuning run.</summary>
/// <param name="Weights">Fine-tuned flat weights <c>[M, P]</c>.</param>
/// <param name="History">Per-model test results from epoch 0 (the starting weights) to the last epoch.</param>
public sealed record FineTuneResult(Tensor Weights, IReadOnlyList<FineTuneEpoch> History);
