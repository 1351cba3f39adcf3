namespace HyperRepHub.Grains.Zoos;

/// <summary>The ids of every zoo, for listing. Use the single key <see cref="Key"/>.</summary>
public interface IZooIndexGrain : IGrainWithStringKey
{
    /// <summary>The one key the index lives under.</summary>
    const string Key = "all";

    /// <summary>Adds a zoo id; adding it again is a no-op.</summary>
    Task AddAsync(string zooId);

    /// <summary>Returns all zoo ids in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListAsync();
}
