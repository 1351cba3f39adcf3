namespace HyperRepHub.Storage.Tests.Infrastructure;

/// <summary>Streams with behaviour the upload tests need.</summary>
public static class TestStreams
{
    public static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}

/// <summary>A read-only, non-seekable stream, as a gRPC request stream is.</summary>
public class ForwardOnlyStream(byte[] content) : Stream
{
    private readonly MemoryStream _inner = new(content, writable: false);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _inner.Position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadCore(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ReadCore(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected virtual int ReadCore(Span<byte> buffer) => _inner.Read(buffer);
}

/// <summary>A forward-only stream that cancels a token once a given number of bytes has been read.</summary>
public sealed class CancellingStream(byte[] content, long cancelAfterBytes, CancellationTokenSource source)
    : ForwardOnlyStream(content)
{
    private long _read;

    protected override int ReadCore(Span<byte> buffer)
    {
        int read = base.ReadCore(buffer);
        _read += read;
        if (_read >= cancelAfterBytes)
        {
            source.Cancel();
        }

        return read;
    }
}
