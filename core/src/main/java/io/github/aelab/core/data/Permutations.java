package io.github.aelab.core.data;

import java.util.Random;

/** Seeded Fisher-Yates shuffles of row indices. */
final class Permutations {

  private Permutations() {
  }

  /** 0..n-1 in a random order drawn from {@code rng}. */
  static int[] random(int n, Random rng) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    shuffle(order, rng);
    return order;
  }

  /** Shuffles {@code values} in place. */
  static void shuffle(int[] values, Random rng) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }
}
