package io.github.aelab.clustering.retrieval;

import io.github.aelab.core.data.Dataset;

/** Per-column means of a dataset, accumulated in double. */
final class ColumnMeans {

  private ColumnMeans() {
  }

  static double[] of(Dataset data) {
    int dims = data.cols();
    float[] x = data.features();
    double[] mean = new double[dims];
    for (int r = 0; r < data.rows(); r++) {
      for (int c = 0; c < dims; c++) {
        mean[c] += x[r * dims + c];
      }
    }
    for (int c = 0; c < dims; c++) {
      mean[c] /= data.rows();
    }
    return mean;
  }
}
