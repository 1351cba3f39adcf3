using System.Security.Cryptography;

namespace HyperRepHub.Storage.Internal;

/// <summary>
/// Wraps a blob's read stream and, when the caller reads it from start to end without seeking elsewhere, checks the
/// bytes against the SHA-256 and size recorded at upload. A mismatch throws <see cref="InvalidDataException"/> from
/// the read that reaches the end. Seeking to any position other than the current one turns the check off.
/// </summary>
internal sealed class HashVerifyingStream(Stream inner, BlobRecord expected) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _hashedBytes;
    private bool _verifying = true;

    public override bool CanRead => true;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Observe(buffer, inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read = await inner.ReadAsync(buffer, cancellationToken);
        return Observe(buffer.Span, read);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin)
    {
        long position = inner.Seek(offset, origin);
        if (position != _hashedBytes)
        {
            _verifying = false;
        }

        return position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Observe(ReadOnlySpan<byte> buffer, int read)
    {
        if (!_verifying)
        {
            return read;
        }

        if (read > 0)
        {
            _hash.AppendData(buffer[..read]);
            _hashedBytes += read;
            return read;
        }

        _verifying = false;
        string actual = Convert.ToHexStringLower(_hash.GetHashAndReset());
        if (actual != expected.Sha256 || _hashedBytes != expected.Size)
        {
            throw new InvalidDataException(
                $"Blob '{expected.Container}/{expected.Name}' failed its integrity check: recorded SHA-256 " +
                $"{expected.Sha256} and {expected.Size} bytes, read SHA-256 {actual} and {_hashedBytes} bytes. " +
                "Upload the file again.");
        }

        return read;
    }
}
