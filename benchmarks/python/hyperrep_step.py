#!/usr/bin/python3
"""Time one hyper-representation training step in PyTorch, built like HyperRepHub's TorchSharp model.

The step is the one `hyperrep hyper-rep benchmark` times without --augment: both views are the batch itself,
then encode, decode, project, (1-γ)·LWLN reconstruction + γ·NT-Xent, backward and an Adam step. Weights are
random and shaped like CNN-s (2,464 parameters, 48 neuron tokens of sizes 26/201/25/37/21).

Run with Debian's PyTorch: apt-get install -y python3-torch libopenblas0-pthread, then
    /usr/bin/python3 benchmarks/python/hyperrep_step.py --preset cpu --threads 2
"""
import argparse
import json
import math
import time

import torch
from torch import nn

# (neurons, token size) per parameter layer of CNN-s: conv 1->8 k5, conv 8->6 k5, conv 6->4 k2, fc 36->20, fc 20->10.
CNN_S_LAYERS = [(8, 26), (6, 201), (4, 25), (20, 37), (10, 21)]

PRESETS = {
    "cpu": dict(d_model=64, heads=4, blocks=2, feed_forward=128, latent=32, projection_hidden=64,
                projection_output=32, dropout=0.2, batch_size=32, lr=1e-3, normalize_inputs=True),
    "paper": dict(d_model=800, heads=4, blocks=2, feed_forward=900, latent=700, projection_hidden=400,
                  projection_output=50, dropout=0.1, batch_size=500, lr=1e-4, normalize_inputs=False),
}


class Block(nn.Module):
    """Pre-norm block: attention with dropout on its weights, then a ReLU feed-forward network."""

    def __init__(self, d_model, heads, feed_forward, dropout):
        super().__init__()
        self.heads = heads
        self.attention_norm = nn.LayerNorm(d_model)
        self.qkv = nn.Linear(d_model, 3 * d_model)
        self.attention_output = nn.Linear(d_model, d_model)
        self.feed_forward_norm = nn.LayerNorm(d_model)
        self.feed_forward_in = nn.Linear(d_model, feed_forward)
        self.feed_forward_out = nn.Linear(feed_forward, d_model)
        self.dropout = nn.Dropout(dropout)

    def attend(self, x):
        batch, tokens, width = x.shape
        qkv = self.qkv(x).view(batch, tokens, 3, self.heads, width // self.heads).permute(2, 0, 3, 1, 4)
        query, key, value = qkv[0], qkv[1], qkv[2]
        scores = query @ key.transpose(-2, -1) / math.sqrt(width // self.heads)
        weights = self.dropout(scores.softmax(-1))
        return (weights @ value).transpose(1, 2).reshape(batch, tokens, width)

    def forward(self, x):
        x = x + self.dropout(self.attention_output(self.attend(self.attention_norm(x))))
        hidden = torch.relu(self.feed_forward_in(self.feed_forward_norm(x)))
        return x + self.dropout(self.feed_forward_out(self.dropout(hidden)))


class Autoencoder(nn.Module):
    def __init__(self, layers, d_model, heads, blocks, feed_forward, latent, projection_hidden, projection_output,
                 dropout=0.1, projection_layers=4):
        super().__init__()
        self.layers = layers
        tokens = sum(n for n, _ in layers)
        self.tokens, self.d_model = tokens, d_model
        self.embedders = nn.ModuleList(nn.Linear(size, d_model) for _, size in layers)
        self.compression_token = nn.Parameter(torch.randn(1, 1, d_model) * 0.02)
        self.encoder_positions = nn.Parameter(torch.randn(tokens + 1, d_model) * 0.02)
        self.encoder_blocks = nn.ModuleList(Block(d_model, heads, feed_forward, dropout) for _ in range(blocks))
        self.encoder_norm = nn.LayerNorm(d_model)
        self.to_latent = nn.Linear(d_model, latent)
        self.from_latent = nn.Linear(latent, tokens * d_model)
        self.decoder_positions = nn.Parameter(torch.randn(tokens, d_model) * 0.02)
        self.decoder_blocks = nn.ModuleList(Block(d_model, heads, feed_forward, dropout) for _ in range(blocks))
        self.decoder_norm = nn.LayerNorm(d_model)
        self.readouts = nn.ModuleList(nn.Linear(d_model, size) for _, size in layers)
        head, width = [], latent
        for _ in range(projection_layers - 1):
            head += [nn.Linear(width, projection_hidden), nn.BatchNorm1d(projection_hidden), nn.ReLU()]
            width = projection_hidden
        head += [nn.Linear(width, projection_output), nn.BatchNorm1d(projection_output)]
        self.projection = nn.Sequential(*head)
        self.dropout = nn.Dropout(dropout)

    def tokenize(self, weights):
        groups, offset = [], 0
        for neurons, size in self.layers:
            fan_in = size - 1
            weight = weights[:, offset:offset + neurons * fan_in].reshape(-1, neurons, fan_in)
            bias = weights[:, offset + neurons * fan_in:offset + neurons * size].unsqueeze(2)
            groups.append(torch.cat([weight, bias], 2))
            offset += neurons * size
        return groups

    def detokenize(self, groups):
        parts = []
        for group, (neurons, size) in zip(groups, self.layers):
            parts += [group[:, :, :size - 1].flatten(1), group[:, :, size - 1]]
        return torch.cat(parts, 1)

    def encode(self, weights):
        sequence = torch.cat([embed(g) for embed, g in zip(self.embedders, self.tokenize(weights))], 1)
        x = torch.cat([self.compression_token.expand(sequence.shape[0], 1, -1), sequence], 1) + self.encoder_positions
        x = self.dropout(x)
        for block in self.encoder_blocks:
            x = block(x)
        return torch.tanh(self.to_latent(self.encoder_norm(x[:, 0])))

    def decode(self, z):
        x = self.from_latent(z).view(z.shape[0], self.tokens, self.d_model) + self.decoder_positions
        x = self.dropout(x)
        for block in self.decoder_blocks:
            x = block(x)
        x = self.decoder_norm(x)
        groups, start = [], 0
        for readout, (neurons, _) in zip(self.readouts, self.layers):
            groups.append(readout(x[:, start:start + neurons]))
            start += neurons
        return self.detokenize(groups)


def nt_xent(first, second, temperature):
    batch = first.shape[0]
    projections = nn.functional.normalize(torch.cat([first, second]), dim=1)
    similarity = projections @ projections.t() / temperature
    similarity = similarity.masked_fill(torch.eye(2 * batch, dtype=torch.bool), float("-inf"))
    partner = (torch.arange(2 * batch) + batch) % (2 * batch)
    return nn.functional.cross_entropy(similarity, partner)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", choices=sorted(PRESETS), default="cpu")
    parser.add_argument("--batch-size", type=int, help="weight vectors per step (default: the preset's)")
    parser.add_argument("--steps", type=int, default=10, help="timed steps")
    parser.add_argument("--warmup", type=int, default=2, help="untimed steps before timing")
    parser.add_argument("--threads", type=int, default=2, help="intra-op threads (torch.set_num_threads)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(42)
    preset = dict(PRESETS[args.preset])
    batch_size = args.batch_size or preset.pop("batch_size")
    preset.pop("batch_size", None)
    lr = preset.pop("lr")
    normalize_inputs = preset.pop("normalize_inputs")
    model = Autoencoder(CNN_S_LAYERS, **preset)
    parameter_count = sum(n * s for n, s in CNN_S_LAYERS)
    weights = torch.randn(batch_size, parameter_count)
    inverse_variance = torch.ones(parameter_count)
    mean, std = torch.zeros(parameter_count), torch.ones(parameter_count)
    offset = 0
    for neurons, size in CNN_S_LAYERS:
        layer = weights[:, offset:offset + neurons * size]
        mean[offset:offset + neurons * size] = layer.mean()
        std[offset:offset + neurons * size] = layer.std().clamp(min=1e-4)
        inverse_variance[offset:offset + neurons * size] = 1 / layer.std().clamp(min=1e-4) ** 2
        offset += neurons * size
    if not normalize_inputs:
        mean, std = torch.zeros(parameter_count), torch.ones(parameter_count)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    gamma, temperature = 0.1, 0.1
    model.train()

    def step():
        views = torch.cat([weights, weights])
        z = model.encode((views - mean) / std)
        reconstruction = ((model.decode(z) * std + mean - views).square() * inverse_variance).mean()
        projections = model.projection(z)
        contrast = nt_xent(projections[:batch_size], projections[batch_size:], temperature)
        loss = (1 - gamma) * reconstruction + gamma * contrast
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

    for _ in range(args.warmup):
        step()
    start = time.perf_counter()
    for _ in range(args.steps):
        step()
    milliseconds = (time.perf_counter() - start) * 1000 / args.steps
    result = dict(framework=f"pytorch {torch.__version__}", preset=args.preset,
                  parameters=sum(p.numel() for p in model.parameters()), batch_size=batch_size, steps=args.steps,
                  milliseconds_per_step=milliseconds, samples_per_second=batch_size * 1000 / milliseconds,
                  threads=torch.get_num_threads())
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{args.preset} on cnn-s: {result['parameters']:,} parameters, batch {batch_size}, "
              f"{milliseconds:.1f} ms/step, {result['samples_per_second']:.1f} samples/s ({result['threads']} threads)")


if __name__ == "__main__":
    main()
