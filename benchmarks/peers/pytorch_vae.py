#!/usr/bin/env python3
"""PyTorch's example VAE (github.com/pytorch/examples, vae/main.py), the peer of the `ci` suite's
`vae-mnist-pytorch-example` entry: 784-400-20 ReLU encoder, 20-400-784 decoder with a Bernoulli
(sigmoid) likelihood on grey-level pixels, Adam 1e-3, batch 128, the loss summed over pixels.
Reads MNIST from the IDX files aelab reads, so both sides see the same rows.

Prints one JSON object: {"epochs": [{"epoch", "train_loss", "test_negative_elbo", "seconds"}, ...]};
test_negative_elbo is the example's "Test set loss" (BCE + KL per test image, one posterior sample).
Run it as compare.sh runs the throughput peer, with OPENBLAS_CORETYPE=SkylakeX OMP_WAIT_POLICY=PASSIVE.
"""
import argparse
import gzip
import json
import struct
import time

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F


def idx_images(path):
    with gzip.open(path, "rb") as f:
        _, n, rows, cols = struct.unpack(">IIII", f.read(16))
        return np.frombuffer(f.read(), dtype=np.uint8).reshape(n, rows * cols).astype(np.float32) / 255.0


class Vae(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 400)
        self.fc21 = nn.Linear(400, 20)
        self.fc22 = nn.Linear(400, 20)
        self.fc3 = nn.Linear(20, 400)
        self.fc4 = nn.Linear(400, 784)

    def forward(self, x):
        h = F.relu(self.fc1(x))
        mu, logvar = self.fc21(h), self.fc22(h)
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar)
        return self.fc4(F.relu(self.fc3(z))), mu, logvar


def loss_function(logits, x, mu, logvar):
    # The example applies sigmoid then binary_cross_entropy; the logits form is the same number, stably.
    bce = F.binary_cross_entropy_with_logits(logits, x, reduction="sum")
    kld = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
    return bce + kld


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--mnist", default="../shared/data/mnist")
    p.add_argument("--epochs", type=int, default=7)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.set_flush_denormal(True)
    torch.manual_seed(a.seed)
    train = torch.from_numpy(idx_images(f"{a.mnist}/train-images-idx3-ubyte.gz"))
    test = torch.from_numpy(idx_images(f"{a.mnist}/t10k-images-idx3-ubyte.gz"))
    model = Vae()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    epochs = []
    for epoch in range(1, a.epochs + 1):
        t = time.perf_counter()
        model.train()
        total = 0.0
        for idx in torch.randperm(len(train)).split(a.batch):
            x = train[idx]
            opt.zero_grad()
            logits, mu, logvar = model(x)
            loss = loss_function(logits, x, mu, logvar)
            loss.backward()
            opt.step()
            total += loss.item()
        seconds = time.perf_counter() - t
        model.eval()
        with torch.no_grad():
            test_total = 0.0
            for x in test.split(1000):
                logits, mu, logvar = model(x)
                test_total += loss_function(logits, x, mu, logvar).item()
        epochs.append({"epoch": epoch, "train_loss": total / len(train),
                       "test_negative_elbo": test_total / len(test), "seconds": seconds})
    print(json.dumps({"torch_version": torch.__version__, "epochs": epochs}))


if __name__ == "__main__":
    main()
