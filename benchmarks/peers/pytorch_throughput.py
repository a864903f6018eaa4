#!/usr/bin/env python3
"""PyTorch CPU peer of `aelab bench throughput`: the same three autoencoders, sizes, batch,
optimizer (Adam), losses and thread count, timed the same way (first epoch warm-up, median of the
rest). Run it through compare.sh, which sets the environment PyTorch needs to be at its best on
this CPU (OPENBLAS_CORETYPE, OMP_WAIT_POLICY) and prints aelab/PyTorch ratios.

Prints one JSON object: {"sgemm_gflops": ..., "models": [{"model", "train_samples_per_second",
"score_rows_per_second"}, ...]}.

--device cuda times the same on a GPU. --feed says where each batch comes from: 'host' copies it
from host memory every step, as aelab's feeder hands TensorFlow a host tensor per Session.run;
'device' indexes a copy of the rows already on the device, as an input pipeline inside the graph
would. The difference is what such a pipeline could save there.
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
    if name == "small":
        enc = nn.Sequential(*dense([784, 128]), nn.Linear(128, 16))
        dec = nn.Sequential(*dense([16, 128]), nn.Linear(128, 784))
        return nn.Sequential(enc, dec), nn.BCEWithLogitsLoss()
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


def sgemm_gflops(device, n=2048):
    a = torch.rand(n, n, device=device)
    b = torch.rand(n, n, device=device)
    best = float("inf")
    for i in range(6):
        t = time.perf_counter()
        (a @ b).sum().item()  # .item() waits for the device
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
    p.add_argument("--device", default="cpu")
    p.add_argument("--feed", choices=["host", "device"], default="host")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.set_flush_denormal(True)  # PyTorch does not flush denormals by default; TensorFlow does
    torch.manual_seed(1)
    dev = torch.device(a.device)
    x = torch.rand(a.rows, 784)
    x_on_device = x.to(dev)
    out = {"torch_version": torch.__version__, "threads": a.threads, "device": str(dev), "feed": a.feed,
           "sgemm_gflops": sgemm_gflops(dev), "models": []}
    if dev.type == "cuda":
        out["device_name"] = torch.cuda.get_device_name(dev)

    def wait():
        if dev.type == "cuda":
            torch.cuda.synchronize(dev)

    for name in a.models.split(","):
        net, loss_fn = model(name)
        net = net.to(dev)
        opt = torch.optim.Adam(net.parameters(), lr=1e-4)
        rates = []
        for epoch in range(a.epochs):
            perm = torch.randperm(a.rows)
            perm_on_device = perm.to(dev)
            wait()
            t = time.perf_counter()
            for i in range(0, a.rows, a.batch):
                if a.feed == "host":
                    xb = x[perm[i:i + a.batch]].to(dev)
                else:
                    xb = x_on_device[perm_on_device[i:i + a.batch]]
                opt.zero_grad(set_to_none=True)
                loss = loss_fn(net(xb), xb)
                loss.backward()
                opt.step()
            wait()
            rates.append(a.rows / (time.perf_counter() - t))
        with torch.no_grad():
            net(x_on_device[:1024])
            wait()
            t = time.perf_counter()
            for i in range(0, a.rows, 1024):
                net(x[i:i + 1024].to(dev) if a.feed == "host" else x_on_device[i:i + 1024])
            wait()
            score = a.rows / (time.perf_counter() - t)
        out["models"].append({"model": name, "train_samples_per_second": statistics.median(rates[1:]),
                              "score_rows_per_second": score})
    print(json.dumps(out))


if __name__ == "__main__":
    main()
