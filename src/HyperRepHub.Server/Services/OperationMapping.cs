using Google.Protobuf.WellKnownTypes;
using HyperRepHub.Grains.Operations;
using Proto = HyperRepHub.Api.V1;

namespace HyperRepHub.Server.Services;

/// <summary>Converts operation records to and from their protobuf messages.</summary>
internal static class OperationMapping
{
    public static Proto.Operation ToProto(this OperationStatus status)
    {
        var operation = new Proto.Operation
        {
            Id = status.Id,
            Kind = status.Kind,
            TargetId = status.TargetId,
            State = status.State.ToProto(),
            Progress = status.Progress,
            Step = status.Step,
            TotalSteps = status.TotalSteps,
            Message = status.Message,
            Error = status.Error,
            ResultJson = status.ResultJson,
            CreateTime = Timestamp.FromDateTimeOffset(status.CreatedAt),
            UpdateTime = Timestamp.FromDateTimeOffset(status.UpdatedAt),
            Done = status.IsFinal,
        };
        foreach (var (name, value) in status.Metrics)
        {
            operation.Metrics[name] = value;
        }

        return operation;
    }

    public static Proto.OperationState ToProto(this OperationState state) => state switch
    {
        OperationState.Pending => Proto.OperationState.Pending,
        OperationState.Running => Proto.OperationState.Running,
        OperationState.Succeeded => Proto.OperationState.Succeeded,
        OperationState.Failed => Proto.OperationState.Failed,
        OperationState.Cancelled => Proto.OperationState.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown operation state."),
    };

    public static OperationState? FromProto(this Proto.OperationState state) => state switch
    {
        Proto.OperationState.Unspecified => null,
        Proto.OperationState.Pending => OperationState.Pending,
        Proto.OperationState.Running => OperationState.Running,
        Proto.OperationState.Succeeded => OperationState.Succeeded,
        Proto.OperationState.Failed => OperationState.Failed,
        Proto.OperationState.Cancelled => OperationState.Cancelled,
        _ => throw new ArgumentException($"Invalid state {(int)state}: use a defined OperationState value.", "state"),
    };
}
