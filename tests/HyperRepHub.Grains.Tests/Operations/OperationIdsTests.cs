using HyperRepHub.Grains.Operations;

namespace HyperRepHub.Grains.Tests.Operations;

public sealed class OperationIdsTests
{
    [Theory]
    [InlineData(OperationPlacement.Any, OperationIds.GrainType)]
    [InlineData(OperationPlacement.PreferAccelerator, OperationIds.AcceleratedGrainType)]
    public void New_Placement_ParsesToMatchingGrainType(OperationPlacement placement, string grainType)
    {
        var id = OperationIds.New(placement);

        var grainId = OperationIds.ToGrainId(id);

        Assert.Equal(grainType, grainId.Type.ToString());
        Assert.Equal(id, grainId.Key.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("op-")]
    [InlineData("op-0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("op-0123456789abcdef0123456789abcde")]
    [InlineData("job-0123456789abcdef0123456789abcdef")]
    [InlineData("op-accel-0123456789abcdef0123456789abcdeg")]
    public void TryToGrainId_MalformedId_ReturnsFalse(string? id)
    {
        var parsed = OperationIds.TryToGrainId(id, out _);

        Assert.False(parsed);
    }
}
