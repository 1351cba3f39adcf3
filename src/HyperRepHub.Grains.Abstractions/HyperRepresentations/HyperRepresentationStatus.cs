namespace HyperRepHub.Grains.HyperRepresentations;

/// <summary>Where a hyper-representation is in its life.</summary>
public enum HyperRepresentationStatus
{
    /// <summary>No hyper-representation has this id.</summary>
    None,

    /// <summary>Its training operation is pending or running.</summary>
    Training,

    /// <summary>Training succeeded; it can encode, decode and be sampled.</summary>
    Trained,

    /// <summary>Training failed or was cancelled.</summary>
    Failed,
}
