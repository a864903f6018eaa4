#!/usr/bin/env python3
"""A PyTorch twin of aelab's AAE clustering (clustering/latent/AdversarialClustering.java), used to
try changes to the recipe quickly before porting any of them (results in
benchmarks/results/models-2026-11-30.md). Same model as the Java one: ReLU encoder to a softmax of
K clusters y and a linear style z; decoder from [y, z]; two leaky-ReLU discriminators (y against
one-hot samples, z against N(0, I)); per batch the paper's three updates (reconstruction,
discriminators, encoder as generator with the non-saturating loss), plus the batch balance term
KL(mean_batch y || uniform) in the generator's loss. Error: each cluster labelled with the
majority of its training images, error on the 10,000 test images (as `aelab bench aae-clustering`).

Options that are not in the Java model, each one variant tried:
  --disc-noise S   Gaussian noise of std S on both discriminators' inputs (prior and code alike)
  --input-noise S  Gaussian noise of std S on the encoder's input (reconstruction of the clean input)
  --style-noise S  Gaussian noise of std S on z before the decoder (caps what z can carry)
  --entropy W      W x mean per-row entropy of y in the generator's loss (sharper rows)
  --warmup E       no y adversary in the generator's loss for the first E epochs
  --init normal01  every weight from N(0, 0.01), biases 0 (default: PyTorch's)
  --optimizer sgd  SGD momentum 0.9 with --lr / --adversarial-lr, divided by 10 at --decay-epoch

Run with one thread: OPENBLAS_CORETYPE=SkylakeX OMP_NUM_THREADS=1 python3 pytorch_aae_clustering.py
On a GPU (--device cuda) the images stay on the device and the losses are summed there, so a step
waits for the device only at a report; --seconds stops a run at a time budget (after the epoch in
which it is reached, with a report).
"""
import argparse
import gzip
import struct
import time

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F


def idx(path):
    with gzip.open(path, "rb") as f:
        magic = struct.unpack(">I", f.read(4))[0]
        if magic == 2051:
            n, rows, cols = struct.unpack(">III", f.read(12))
            return np.frombuffer(f.read(), dtype=np.uint8).reshape(n, rows * cols).astype(np.float32) / 255.0
        (n,) = struct.unpack(">I", f.read(4))
        return np.frombuffer(f.read(), dtype=np.uint8).astype(np.int64)


def discriminator(width_in, hidden):
    return nn.Sequential(nn.Linear(width_in, hidden), nn.LeakyReLU(0.2), nn.Linear(hidden, hidden),
                         nn.LeakyReLU(0.2), nn.Linear(hidden, 1))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--mnist", default="../shared/data/mnist")
    p.add_argument("--rows", type=int, default=60000, help="first N training images")
    p.add_argument("--clusters", type=int, default=16)
    p.add_argument("--hidden", type=int, default=1000)
    p.add_argument("--discriminator", type=int, default=1000)
    p.add_argument("--style", type=int, default=5)
    p.add_argument("--epochs", type=int, default=30)
    p.add_argument("--batch", type=int, default=100)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--adversarial-lr", type=float, default=5e-4)
    p.add_argument("--balance", type=float, default=20)
    p.add_argument("--disc-noise", type=float, default=0.0)
    p.add_argument("--input-noise", type=float, default=0.0)
    p.add_argument("--style-noise", type=float, default=0.0)
    p.add_argument("--entropy", type=float, default=0.0)
    p.add_argument("--warmup", type=int, default=0)
    p.add_argument("--init", choices=["default", "normal01"], default="default")
    p.add_argument("--optimizer", choices=["adam", "sgd"], default="adam")
    p.add_argument("--decay-epoch", type=int, default=0)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    p.add_argument("--report-every", type=int, default=5, help="epochs between test-error reports")
    p.add_argument("--seconds", type=float, default=0, help="stop after the epoch that passes this many seconds")
    a = p.parse_args()
    torch.manual_seed(a.seed)
    np.random.seed(a.seed)
    device = torch.device(a.device)

    x_train = torch.tensor(idx(f"{a.mnist}/train-images-idx3-ubyte.gz")[:a.rows], device=device)
    y_train = idx(f"{a.mnist}/train-labels-idx1-ubyte.gz")[:a.rows]
    x_test = torch.tensor(idx(f"{a.mnist}/t10k-images-idx3-ubyte.gz"), device=device)
    y_test = idx(f"{a.mnist}/t10k-labels-idx1-ubyte.gz")
    k, h, s = a.clusters, a.hidden, a.style

    trunk = nn.Sequential(nn.Linear(784, h), nn.ReLU(), nn.Linear(h, h), nn.ReLU())
    cluster_head, style_head = nn.Linear(h, k), nn.Linear(h, s)
    decoder = nn.Sequential(nn.Linear(k + s, h), nn.ReLU(), nn.Linear(h, h), nn.ReLU(), nn.Linear(h, 784))
    d_y, d_z = discriminator(k, a.discriminator), discriminator(s, a.discriminator)
    if a.init == "normal01":
        for module in (trunk, cluster_head, style_head, decoder, d_y, d_z):
            for layer in module.modules():
                if isinstance(layer, nn.Linear):
                    nn.init.normal_(layer.weight, 0, 0.01)
                    nn.init.zeros_(layer.bias)

    for module in (trunk, cluster_head, style_head, decoder, d_y, d_z):
        module.to(device)
    encoder_params = [*trunk.parameters(), *cluster_head.parameters(), *style_head.parameters()]

    def optimizer(params, lr):
        return torch.optim.Adam(params, lr=lr) if a.optimizer == "adam" else torch.optim.SGD(params, lr=lr, momentum=0.9)

    reconstruct = optimizer(encoder_params + list(decoder.parameters()), a.lr)
    discriminate = optimizer([*d_y.parameters(), *d_z.parameters()], a.adversarial_lr)
    generate = optimizer(encoder_params, a.adversarial_lr)

    def encode(x):
        features = trunk(x)
        return F.softmax(cluster_head(features), 1), style_head(features)

    def noisy(v, std):
        return v + std * torch.randn_like(v) if std > 0 else v

    def logistic(logits, label):
        return F.binary_cross_entropy_with_logits(logits, torch.full_like(logits, label))

    def clusters_of(x):
        with torch.no_grad():
            return torch.cat([encode(x[i:i + 2000])[0] for i in range(0, len(x), 2000)]).argmax(1).cpu().numpy()

    def majority_error():
        train_clusters, test_clusters = clusters_of(x_train), clusters_of(x_test)
        label = {c: np.bincount(y_train[train_clusters == c], minlength=10).argmax() for c in np.unique(train_clusters)}
        predicted = np.array([label.get(c, -1) for c in test_clusters])
        return (predicted != y_test).mean(), len(label)

    n, start = len(x_train), time.time()
    for epoch in range(a.epochs):
        if a.decay_epoch and epoch == a.decay_epoch:
            for opt in (reconstruct, discriminate, generate):
                for group in opt.param_groups:
                    group["lr"] /= 10
        order = torch.randperm(n, device=device)
        sums = torch.zeros(3, device=device)
        for i in range(0, n - a.batch + 1, a.batch):
            x = x_train[order[i:i + a.batch]]
            x_in = noisy(x, a.input_noise)
            y, z = encode(x_in)
            pre = decoder(torch.cat([y, noisy(z, a.style_noise)], 1))
            loss_r = F.binary_cross_entropy_with_logits(pre, x)
            reconstruct.zero_grad()
            loss_r.backward()
            reconstruct.step()

            with torch.no_grad():
                y, z = encode(x_in)
            y_prior = F.one_hot(torch.randint(0, k, (a.batch,), device=device), k).float()
            z_prior = torch.randn(a.batch, s, device=device)
            loss_d = (logistic(d_y(noisy(y_prior, a.disc_noise)), 1) + logistic(d_y(noisy(y, a.disc_noise)), 0)
                      + logistic(d_z(noisy(z_prior, a.disc_noise)), 1) + logistic(d_z(noisy(z, a.disc_noise)), 0))
            discriminate.zero_grad()
            loss_d.backward()
            discriminate.step()

            y, z = encode(x_in)
            y_weight = 0.0 if epoch < a.warmup else 1.0
            loss_g = y_weight * logistic(d_y(noisy(y, a.disc_noise)), 1) + logistic(d_z(noisy(z, a.disc_noise)), 1)
            if a.balance > 0:
                usage = y.mean(0)
                loss_g = loss_g + a.balance * ((usage * torch.log(usage.clamp_min(1e-12))).sum() + np.log(k))
            if a.entropy > 0:
                loss_g = loss_g + a.entropy * (-(y * torch.log(y.clamp_min(1e-12))).sum(1).mean())
            generate.zero_grad()
            loss_g.backward()
            generate.step()
            sums += torch.stack((loss_r.detach(), loss_d.detach(), loss_g.detach()))
        out_of_time = a.seconds > 0 and time.time() - start > a.seconds
        if epoch == 0 or (epoch + 1) % a.report_every == 0 or epoch + 1 == a.epochs or out_of_time:
            error, used = majority_error()
            sums = sums.cpu().numpy()
            steps = n // a.batch
            print(f"epoch {epoch + 1} reconstruction {sums[0] / steps:.4f} discriminators {sums[1] / steps:.3f} "
                  f"generator {sums[2] / steps:.3f} test error {100 * error:.2f} % clusters used {used} "
                  f"{time.time() - start:.0f} s", flush=True)
        if out_of_time:
            break


if __name__ == "__main__":
    main()
