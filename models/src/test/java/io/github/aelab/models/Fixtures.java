package io.github.aelab.models;

import java.util.SplittableRandom;

/** Small seeded data for model tests. */
final class Fixtures {
  private Fixtures() {}

  /** Rows on a smooth curve in {@code dims} dimensions, values in [0, 1]. */
  static float[] curve(int rows, int dims, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[rows * dims];
    for (int i = 0; i < rows; i++) {
      double t = r.nextDouble();
      for (int j = 0; j < dims; j++) {
        x[i * dims + j] = (float) (0.5 + 0.4 * Math.sin((j + 1) * 2.0 * t + j));
      }
    }
    return x;
  }

  /** Blurry blobs on an 8x8 image, a different position per row: conv-friendly data in [0, 1]. */
  static float[] blobs(int rows, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[rows * 64];
    for (int i = 0; i < rows; i++) {
      double cy = 1 + r.nextDouble() * 6, cx = 1 + r.nextDouble() * 6;
      for (int y = 0; y < 8; y++) {
        for (int c = 0; c < 8; c++) {
          x[i * 64 + y * 8 + c] = (float) Math.exp(-((y - cy) * (y - cy) + (c - cx) * (c - cx)) / 3.0);
        }
      }
    }
    return x;
  }

  static double mean(float[] v) {
    double s = 0;
    for (float f : v) {
      s += f;
    }
    return s / v.length;
  }
}
