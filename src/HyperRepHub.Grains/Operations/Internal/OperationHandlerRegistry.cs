namespace HyperRepHub.Grains.Operations.Internal;

/// <summary>The registered handlers by kind; two handlers of one kind fail at start-up.</summary>
internal sealed class OperationHandlerRegistry
{
    private readonly Dictionary<string, IOperationHandler> _handlers = new(StringComparer.Ordinal);

    public OperationHandlerRegistry(IEnumerable<IOperationHandler> handlers)
    {
        foreach (var handler in handlers)
        {
            if (!_handlers.TryAdd(handler.Kind, handler))
            {
                throw new InvalidOperationException(
                    $"Two operation handlers have kind '{handler.Kind}': {_handlers[handler.Kind].GetType()} and "
                    + $"{handler.GetType()}. Register one handler per kind.");
            }
        }
    }

    public bool TryGet(string kind, out IOperationHandler handler) => _handlers.TryGetValue(kind, out handler!);

    public IEnumerable<string> Kinds => _handlers.Keys;
}
