namespace HyperRepHub.Grains.Operations;

/// <summary>Where an operation's grain, and so its handler, should run.</summary>
[GenerateSerializer]
public enum OperationPlacement
{
    /// <summary>Any silo; for imports, evaluation and other work that does not train.</summary>
    Any = 0,

    /// <summary>
    /// A <c>cuda</c> silo when the cluster has one, otherwise a <c>cpu</c> silo. For training and fine-tuning.
    /// </summary>
    PreferAccelerator = 1,
}
