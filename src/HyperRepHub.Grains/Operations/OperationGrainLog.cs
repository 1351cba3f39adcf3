using Microsoft.Extensions.Logging;

namespace HyperRepHub.Grains.Operations;

internal abstract partial class OperationGrainBase
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information,
            "Operation {OperationId} ({Kind} on {TargetId}) started, attempt {Attempt}")]
        public static partial void Started(
            ILogger logger, string operationId, string kind, string targetId, int attempt);

        [LoggerMessage(2, LogLevel.Information, "Operation {OperationId} finished as {State} at step {Step}")]
        public static partial void Finished(ILogger logger, string operationId, OperationState state, long step);

        [LoggerMessage(3, LogLevel.Error, "Operation {OperationId} ({Kind} on {TargetId}) failed")]
        public static partial void HandlerFailed(
            ILogger logger, Exception exception, string operationId, string kind, string targetId);

        [LoggerMessage(4, LogLevel.Information, "Operation {OperationId} cancellation requested")]
        public static partial void CancelRequested(ILogger logger, string operationId);

        [LoggerMessage(5, LogLevel.Warning,
            "Operation {OperationId} resumes after an interruption: was {State} at step {Step}, attempt {Attempt}")]
        public static partial void Resuming(
            ILogger logger, string operationId, OperationState state, long step, int attempt);

        [LoggerMessage(6, LogLevel.Warning, "Operation {OperationId} interrupted by deactivation: {Reason}")]
        public static partial void Interrupted(ILogger logger, string operationId, string reason);

        [LoggerMessage(7, LogLevel.Warning,
            "Operation {OperationId} handler did not stop within {Timeout} of cancellation; deactivating anyway")]
        public static partial void HandlerStillRunning(ILogger logger, string operationId, TimeSpan timeout);
    }
}
