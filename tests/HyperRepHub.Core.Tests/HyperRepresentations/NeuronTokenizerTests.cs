using HyperRepHub.Core.Architectures;
using HyperRepHub.Core.HyperRepresentations.Tokens;
using static TorchSharp.torch;

namespace HyperRepHub.Core.Tests.HyperRepresentations;

public sealed class NeuronTokenizerTests
{
    public static TheoryData<string> BuiltInNames() => new(BuiltInArchitectures.All.Keys);

    [Theory]
    [MemberData(nameof(BuiltInNames))]
    public void Tokenize_ThenDetokenize_RestoresWeightsExactly(string name)
    {
        using var scope = NewDisposeScope();
        var architecture = BuiltInArchitectures.Get(name);
        var tokenizer = new NeuronTokenizer(architecture);
        var weights = SyntheticZoo.Weights(architecture, 3, seed: 5);

        var tokens = tokenizer.Tokenize(weights);
        var restored = tokenizer.Detokenize(tokens);

        Assert.Equal(architecture.Layout.TokenCount, tokens.Sum(t => (int)t.shape[1]));
        Assert.True(restored.eq(weights).all().item<bool>());
    }

    [Fact]
    public void Tokenize_CnnSmall_Gives48TokensOfPublishedSizes()
    {
        using var scope = NewDisposeScope();
        var tokenizer = new NeuronTokenizer(BuiltInArchitectures.CnnSmall);

        var tokens = tokenizer.Tokenize(zeros(2, 2464));

        Assert.Equal(48, tokenizer.TokenCount);
        Assert.Equal([8L, 6, 4, 20, 10], tokens.Select(t => t.shape[1]));
        Assert.Equal([26L, 201, 25, 37, 21], tokens.Select(t => t.shape[2]));
    }

    [Fact]
    public void Tokenize_CnnLarge_Gives93TokensOfDerivedSizes()
    {
        using var scope = NewDisposeScope();
        var tokenizer = new NeuronTokenizer(BuiltInArchitectures.CnnLarge);

        var tokens = tokenizer.Tokenize(zeros(1, 10853));

        Assert.Equal(93, tokenizer.TokenCount);
        Assert.Equal([28L, 145, 289, 61, 21], tokens.Select(t => t.shape[2]));
    }

    [Fact]
    public void Tokenize_FirstToken_IsFirstKernelThenItsBias()
    {
        using var scope = NewDisposeScope();
        var tokenizer = new NeuronTokenizer(BuiltInArchitectures.CnnSmall);
        var weights = arange(2464, dtype: ScalarType.Float32).unsqueeze(0);

        var first = tokenizer.Tokenize(weights)[0][0, 0];

        Assert.Equal(0f, first[0].item<float>());
        Assert.Equal(24f, first[24].item<float>());
        Assert.Equal(200f, first[25].item<float>()); // bias of neuron 0 follows all 8·25 weights
    }

    [Fact]
    public void Tokenize_WrongWidth_ThrowsArchitectureException()
    {
        using var scope = NewDisposeScope();
        var tokenizer = new NeuronTokenizer(BuiltInArchitectures.CnnSmall);

        var error = Assert.Throws<ArchitectureException>(() => tokenizer.Tokenize(zeros(2, 100)));

        Assert.Contains("2464", error.Message);
    }
}
