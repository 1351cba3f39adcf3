using HyperRepHub.Grains.Operations.Internal;
using HyperRepHub.Grains.Placement;
using HyperRepHub.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HyperRepHub.Grains.Operations;

/// <summary>Operations that run on any silo, with ids starting <c>op-</c>.</summary>
[GrainType(OperationIds.GrainType)]
internal sealed class OperationGrain(
    [PersistentState("operation")] IPersistentState<OperationGrainState> state,
    OperationHandlerRegistry handlers,
    OperationWorkerPool workers,
    ICheckpointStore checkpoints,
    IOptions<OperationOptions> options,
    ILogger<OperationGrain> logger)
    : OperationGrainBase(state, handlers, workers, checkpoints, options.Value, logger);

/// <summary>
/// Training and fine-tuning operations, with ids starting <c>op-accel-</c>. They are placed on cuda silos first.
/// </summary>
[GrainType(OperationIds.AcceleratedGrainType)]
[PreferDevice(SiloDevices.Cuda)]
internal sealed class AcceleratedOperationGrain(
    [PersistentState("operation")] IPersistentState<OperationGrainState> state,
    OperationHandlerRegistry handlers,
    OperationWorkerPool workers,
    ICheckpointStore checkpoints,
    IOptions<OperationOptions> options,
    ILogger<AcceleratedOperationGrain> logger)
    : OperationGrainBase(state, handlers, workers, checkpoints, options.Value, logger);
