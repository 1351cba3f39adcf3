namespace HyperRepHub.Core.Training;

/// <summary>The optimizer of a zoo's models.</summary>
public enum OptimizerKind
{
    /// <summary>Adam with betas (0.9, 0.999), eps 1e-8 and no weight decay, as <c>torch.optim.Adam</c>'s defaults.</summary>
    Adam,

    /// <summary>SGD with optional momentum, as <c>torch.optim.SGD</c>.</summary>
    Sgd,
}
