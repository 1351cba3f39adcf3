namespace HyperRepHub.Grains.Zoos;

/// <summary>Persistent state of the <see cref="ZooIndexGrain"/>.</summary>
[GenerateSerializer]
[Alias("HyperRepHub.Grains.Zoos.ZooIndexState")]
public sealed class ZooIndexState
{
    /// <summary>Every zoo id.</summary>
    [Id(0)] public SortedSet<string> ZooIds { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>Keeps the ids of all zoos so they can be listed without scanning storage.</summary>
public sealed class ZooIndexGrain([PersistentState("zoo-index")] IPersistentState<ZooIndexState> state)
    : Grain, IZooIndexGrain
{
    /// <inheritdoc/>
    public async Task AddAsync(string zooId)
    {
        if (state.State.ZooIds.Add(zooId))
        {
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<string>> ListAsync() =>
        Task.FromResult<IReadOnlyList<string>>(state.State.ZooIds.ToArray());
}
