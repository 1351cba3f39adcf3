using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HyperRepHub.Storage.Tests.Infrastructure;

/// <summary>One log entry a component wrote.</summary>
public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);

/// <summary>Collects the entries of every <see cref="RecordingLogger{T}"/> that shares it.</summary>
public sealed class LogSink
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public IReadOnlyList<LogEntry> Errors => [.. _entries.Where(e => e.Level >= LogLevel.Error)];

    public void Add(LogEntry entry) => _entries.Enqueue(entry);
}

/// <summary>A logger that records into a <see cref="LogSink"/>, so a test can fail on unexpected errors.</summary>
public sealed class RecordingLogger<T>(LogSink sink) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        sink.Add(new LogEntry(typeof(T).Name, logLevel, eventId, formatter(state, exception), exception));
    }
}
