using Grpc.Core;
using HyperRepHub.Grains.Errors;
using HyperRepHub.Server.Grpc;
using HyperRepHub.Server.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace HyperRepHub.Server.Tests.Hosting;

public sealed class ErrorInterceptorTests
{
    private readonly RecordingLogger<ErrorInterceptor> _logger = new();

    [Theory]
    [InlineData(HubErrorKind.InvalidArgument, StatusCode.InvalidArgument)]
    [InlineData(HubErrorKind.NotFound, StatusCode.NotFound)]
    [InlineData(HubErrorKind.AlreadyExists, StatusCode.AlreadyExists)]
    [InlineData(HubErrorKind.FailedPrecondition, StatusCode.FailedPrecondition)]
    [InlineData(HubErrorKind.ResourceExhausted, StatusCode.ResourceExhausted)]
    public async Task UnaryCall_HubException_MapsKindAndKeepsMessage(HubErrorKind kind, StatusCode expected)
    {
        var interceptor = new ErrorInterceptor(_logger);

        var error = await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<string, string>(
            "request", new FakeServerCallContext(), (_, _) => throw new HubException(kind, "the message")));

        Assert.Equal(expected, error.StatusCode);
        Assert.Equal("the message", error.Status.Detail);
        Assert.DoesNotContain(_logger.Entries, entry => entry.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task UnaryCall_UnexpectedException_ReturnsInternalWithoutDetails()
    {
        var interceptor = new ErrorInterceptor(_logger);

        var error = await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<string, string>(
            "request", new FakeServerCallContext(), (_, _) => throw new InvalidOperationException("secret internals")));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.DoesNotContain("secret", error.Status.Detail);
        var logged = Assert.Single(_logger.Entries, entry => entry.Level == LogLevel.Error);
        Assert.IsType<InvalidOperationException>(logged.Exception);
        Assert.Contains("/test.Service/Method", logged.Message);
    }

    [Fact]
    public async Task UnaryCall_ClientCancelled_ReturnsCancelled()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var interceptor = new ErrorInterceptor(_logger);

        var error = await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<string, string>(
            "request", new FakeServerCallContext(cancellation.Token),
            (_, context) => throw new OperationCanceledException(context.CancellationToken)));

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        var logged = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Information, logged.Level);
    }

    [Fact]
    public async Task ServerStreamingCall_ArgumentException_ReturnsInvalidArgument()
    {
        var interceptor = new ErrorInterceptor(_logger);

        var error = await Assert.ThrowsAsync<RpcException>(
            () => interceptor.ServerStreamingServerHandler<string, string>(
                "request", null!, new FakeServerCallContext(), (_, _, _) => throw new ArgumentException("bad field")));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("bad field", error.Status.Detail);
    }
}
