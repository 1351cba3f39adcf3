using static TorchSharp.torch;

namespace HyperRepHub.Core.Training;

/// <summary>
/// An optimizer over the stacked parameters <c>[M, P]</c> of M models, each with its own learning rate. Adam and SGD
/// act element by element, so each row is updated exactly as if its model were trained alone.
/// </summary>
public sealed class StackedOptimizer
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private readonly OptimizerKind _kind;
    private readonly double _momentum;
    private readonly Tensor _learningRates; // [M, 1]
    private Tensor _first; // Adam exp_avg or SGD momentum_buffer, [M, P]
    private Tensor _second; // Adam exp_avg_sq, [M, P]

    /// <summary>Creates zeroed state for <paramref name="learningRates"/>.Length models of <paramref name="parameters"/> values.</summary>
    public StackedOptimizer(OptimizerKind kind, IReadOnlyList<double> learningRates, long parameters, double momentum = 0)
    {
        ArgumentNullException.ThrowIfNull(learningRates);
        _kind = kind;
        _momentum = momentum;
        _learningRates = tensor(learningRates.Select(lr => (float)lr).ToArray()).unsqueeze(1); // [M, 1]
        _first = zeros(learningRates.Count, parameters);
        _second = kind == OptimizerKind.Adam ? zeros(learningRates.Count, parameters) : zeros(0);
    }

    /// <summary>Optimizer steps taken so far.</summary>
    public long Step { get; private set; }

    /// <summary>Applies one update to <paramref name="parameters"/> <c>[M, P]</c> from its gradient, in place.</summary>
    public void Apply(Tensor parameters, Tensor gradient)
    {
        using var noGrad = no_grad();
        Step++;
        if (_kind == OptimizerKind.Adam)
        {
            _first.mul_(Beta1).add_(gradient, alpha: 1 - Beta1);
            _second.mul_(Beta2).addcmul_(gradient, gradient, value: 1 - Beta2);
            double correction1 = 1 - Math.Pow(Beta1, Step);
            double correction2 = Math.Sqrt(1 - Math.Pow(Beta2, Step));

            // torch.optim.Adam: p -= lr / c1 · m / (√v / √c2 + eps).
            using var scope = NewDisposeScope();
            var denominator = _second.sqrt().div_(correction2).add_(Epsilon);
            parameters.sub_(_first.div(denominator).mul_(_learningRates).div_(correction1));
            return;
        }

        if (_momentum > 0)
        {
            // torch.optim.SGD: the buffer starts as the first gradient, then buf = momentum · buf + g.
            if (Step == 1)
            {
                _first.copy_(gradient);
            }
            else
            {
                _first.mul_(_momentum).add_(gradient);
            }

            using var scope = NewDisposeScope();
            parameters.sub_(_first.mul(_learningRates));
            return;
        }

        using (NewDisposeScope())
        {
            parameters.sub_(gradient.mul(_learningRates));
        }
    }

    /// <summary>The state to save for resuming: the moment buffers and the step count.</summary>
    public Dictionary<string, Tensor> StateDict() => new()
    {
        ["first_moment"] = _first,
        ["second_moment"] = _second,
        ["step"] = tensor(new[] { Step }),
    };

    /// <summary>Restores state saved by <see cref="StateDict"/>.</summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state["first_moment"].shape.SequenceEqual(_first.shape))
        {
            throw new ArgumentException(
                $"Optimizer state has shape [{string.Join(", ", state["first_moment"].shape)}], expected " +
                $"[{string.Join(", ", _first.shape)}].", nameof(state));
        }

        _first = state["first_moment"].clone();
        _second = state["second_moment"].clone();
        Step = state["step"].item<long>();
    }
}
