namespace HyperRepHub.Core.Evaluation;

/// <summary>Accuracy of ensembles of one size, averaged over random draws of their members.</summary>
/// <param name="Size">Number of models k whose softmax outputs are averaged.</param>
/// <param name="Draws">Number of random draws of k models.</param>
/// <param name="MeanAccuracy">Mean ensemble accuracy over the draws.</param>
/// <param name="StdAccuracy">Standard deviation of the ensemble accuracy over the draws.</param>
/// <param name="MeanMemberAccuracy">Mean accuracy of the drawn members themselves.</param>
public sealed record EnsemblePoint(int Size, int Draws, double MeanAccuracy, double StdAccuracy,
    double MeanMemberAccuracy);
