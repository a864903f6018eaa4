#!/usr/bin/env python3
"""PyTorch CPU peer of `aelab bench throughput`: the same three autoencoders, sizes, batch,
optimizer (Adam), losses and thread count, timed the same way (first epoch warm-up, median of the
rest). Run it through compare.sh, which sets the environment PyTorch needs to be at its best on
this CPU (OPENBLAS_CORETYPE, OMP_WAIT_POLICY) and prints aelab/PyTorch ratios.

Prints one JSON object: {"sgemm_gflops": ..., "models": [{"model", "train_samples_per_second",
"score_rows_per_second"}, ...]}.
"""
import argparse
import json
import statistics
import time

import torch
from torch import nn


def dense(sizes):
    layers = []
    for a, b in zip(sizes[:-1], sizes[1:]):
        layers += [nn.Linear(a, b), nn.ReLU()]
    return layers


def model(name):
    if name == "hinton":
        enc = nn.Sequential(*dense([784, 1000, 500, 250]), nn.Linear(250, 30))
        dec = nn.Sequential(*dense([30, 250, 500, 1000]), nn.Linear(1000, 784))
        return nn.Sequential(enc, dec), nn.BCEWithLogitsLoss()
    if name == "dec":
        enc = nn.Sequential(*dense([784, 500, 500, 2000]), nn.Linear(2000, 10))
        dec = nn.Sequential(*dense([10, 2000, 500, 500]), nn.Linear(500, 784))
        return nn.Sequential(enc, dec), nn.MSELoss()
    if name == "conv":
        enc = nn.Sequential(nn.Unflatten(1, (1, 28, 28)),
                            nn.Conv2d(1, 32, 3, stride=2, padding=1), nn.ReLU(),
                            nn.Conv2d(32, 64, 3, stride=2, padding=1), nn.ReLU(),
                            nn.Flatten(), nn.Linear(64 * 7 * 7, 16))
        dec = nn.Sequential(nn.Linear(16, 64 * 7 * 7), nn.ReLU(), nn.Unflatten(1, (64, 7, 7)),
                            nn.ConvTranspose2d(64, 32, 3, stride=2, padding=1, output_padding=1), nn.ReLU(),
                            nn.ConvTranspose2d(32, 1, 3, stride=2, padding=1, output_padding=1),
                            nn.Flatten())
        return nn.Sequential(enc, dec), nn.BCEWithLogitsLoss()
    raise ValueError(name)


def sgemm_gflops(n=2048):
    a = torch.rand(n, n)
    b = torch.rand(n, n)
    best = float("inf")
    for i in range(6):
        t = time.perf_counter()
        (a @ b).sum().item()
        if i > 0:
            best = min(best, time.perf_counter() - t)
    return 2.0 * n ** 3 / best / 1e9


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--batch", type=int, default=256)
    p.add_argument("--rows", type=int, default=16384)
    p.add_argument("--epochs", type=int, default=4)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--models", default="hinton,dec,conv")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.set_flush_denormal(True)  # PyTorch does not flush denormals by default; TensorFlow does
    torch.manual_seed(1)
    x = torch.rand(a.rows, 784)
    out = {"torch_version": torch.__version__, "threads": a.threads, "sgemm_gflops": sgemm_gflops(), "models": []}
    for name in a.models.split(","):
        net, loss_fn = model(name)
        opt = torch.optim.Adam(net.parameters(), lr=1e-4)
        rates = []
        for epoch in range(a.epochs):
            perm = torch.randperm(a.rows)
            t = time.perf_counter()
            for i in range(0, a.rows, a.batch):
                xb = x[perm[i:i + a.batch]]
                opt.zero_grad(set_to_none=True)
                loss = loss_fn(net(xb), xb)
                loss.backward()
                opt.step()
            rates.append(a.rows / (time.perf_counter() - t))
        with torch.no_grad():
            net(x[:1024])
            t = time.perf_counter()
            for i in range(0, a.rows, 1024):
                net(x[i:i + 1024])
            score = a.rows / (time.perf_counter() - t)
        out["models"].append({"model": name, "train_samples_per_second": statistics.median(rates[1:]),
                              "score_rows_per_second": score})
    print(json.dumps(out))


if __name__ == "__main__":
    main()
