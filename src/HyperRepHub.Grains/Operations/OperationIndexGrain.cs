using HyperRepHub.Grains.Errors;

namespace HyperRepHub.Grains.Operations;

/// <summary>
/// Persisted list of operations. Keeps at most <see cref="MaxEntries"/> entries; beyond that the oldest final
/// operations are dropped from the list (their grains keep their own state).
/// </summary>
internal sealed class OperationIndexGrain(
    [PersistentState("operation-index")] IPersistentState<OperationIndexState> state) : Grain, IOperationIndexGrain
{
    internal const int MaxEntries = 10_000;
    private const int MaxPageSize = 1000;

    public async Task RecordAsync(OperationStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        state.State.Operations[status.Id] = status;
        if (state.State.Operations.Count > MaxEntries)
        {
            var oldestFinal = state.State.Operations.Values.Where(entry => entry.IsFinal)
                .OrderBy(entry => entry.CreatedAt).Take(state.State.Operations.Count - MaxEntries).ToList();
            oldestFinal.ForEach(entry => state.State.Operations.Remove(entry.Id));
        }

        await state.WriteStateAsync();
    }

    public Task<OperationPage> ListAsync(OperationQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize is < 1 or > MaxPageSize)
        {
            throw HubException.InvalidArgument(
                "page_size", $"{query.PageSize} is out of range; use 1 to {MaxPageSize}.");
        }

        var ordered = state.State.Operations.Values
            .Where(entry => query.Kind is null || entry.Kind == query.Kind)
            .Where(entry => query.TargetId is null || entry.TargetId == query.TargetId)
            .Where(entry => query.State is null || entry.State == query.State)
            .OrderByDescending(entry => entry.CreatedAt).ThenBy(entry => entry.Id, StringComparer.Ordinal)
            .ToList();
        var start = 0;
        if (!string.IsNullOrEmpty(query.PageToken))
        {
            start = ordered.FindIndex(entry => entry.Id == query.PageToken) + 1;
            if (start == 0)
            {
                throw HubException.InvalidArgument(
                    "page_token", $"'{query.PageToken}' matches no listed operation; request the first page again.");
            }
        }

        var page = ordered.Skip(start).Take(query.PageSize).ToList();
        var next = start + page.Count < ordered.Count ? page[^1].Id : null;
        return Task.FromResult(new OperationPage(page, next));
    }
}

/// <summary>Persisted state of the operation index: the latest recorded status per operation id.</summary>
[GenerateSerializer]
public sealed class OperationIndexState
{
    /// <summary>Latest recorded status by operation id.</summary>
    [Id(0)]
    public Dictionary<string, OperationStatus> Operations { get; set; } = new(StringComparer.Ordinal);
}
