using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HyperRepHub.Server.Tests.Infrastructure;

internal sealed record LogEntry(LogLevel Level, string Message, Exception? Exception);

/// <summary>A logger that keeps every entry, so tests can assert on what was logged and at which level.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue(new LogEntry(logLevel, formatter(state, exception), exception));
}
