using System.Diagnostics.CodeAnalysis;

namespace HyperRepHub.Grains.Operations;

/// <summary>
/// Creates and parses operation ids. The id's prefix names the grain class, and so the placement:
/// <c>op-</c> for <see cref="OperationPlacement.Any"/> and <c>op-accel-</c> for
/// <see cref="OperationPlacement.PreferAccelerator"/>, followed by 32 lower-case hex digits.
/// </summary>
public static class OperationIds
{
    /// <summary>Grain type of operations that run on any silo.</summary>
    public const string GrainType = "operation";

    /// <summary>Grain type of operations that prefer <c>cuda</c> silos.</summary>
    public const string AcceleratedGrainType = "operation-accelerated";

    private const string Prefix = "op-";
    private const string AcceleratedPrefix = "op-accel-";
    private const int HexLength = 32;

    /// <summary>Creates a new, unique operation id for <paramref name="placement"/>.</summary>
    public static string New(OperationPlacement placement)
    {
        var prefix = placement == OperationPlacement.PreferAccelerator ? AcceleratedPrefix : Prefix;
        return prefix + Guid.NewGuid().ToString("N");
    }

    /// <summary>Parses <paramref name="operationId"/> into the grain id that hosts it.</summary>
    /// <exception cref="ArgumentException">The id is not an operation id.</exception>
    public static GrainId ToGrainId(string operationId)
    {
        if (!TryToGrainId(operationId, out var grainId))
        {
            throw new ArgumentException(
                $"Invalid operation id '{operationId}': expected 'op-' or 'op-accel-' and 32 hex digits.",
                nameof(operationId));
        }

        return grainId;
    }

    /// <summary>Parses <paramref name="operationId"/>; returns false when it is not an operation id.</summary>
    public static bool TryToGrainId(string? operationId, [NotNullWhen(true)] out GrainId grainId)
    {
        grainId = default;
        if (operationId is null)
        {
            return false;
        }

        var (type, hex) = operationId.StartsWith(AcceleratedPrefix, StringComparison.Ordinal)
            ? (AcceleratedGrainType, operationId[AcceleratedPrefix.Length..])
            : operationId.StartsWith(Prefix, StringComparison.Ordinal)
                ? (GrainType, operationId[Prefix.Length..])
                : (null, string.Empty);
        if (type is null || hex.Length != HexLength || !hex.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        grainId = GrainId.Create(type, operationId);
        return true;
    }
}
