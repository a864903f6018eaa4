package io.github.aelab.clustering.deep;

/**
 * DEC's soft assignment and target distribution (Xie, Girshick &amp; Farhadi 2016, eqs. 1 and 3),
 * in plain Java: the reference the graph is tested against, and what refreshes the targets.
 */
public final class StudentT {
  private StudentT() {
  }

  /**
   * {@code q_ij ∝ (1 + ‖z_i − μ_j‖² / α)^(−(α+1)/2)}, rows normalized.
   *
   * @param z row-major codes [n, d]
   * @param centres [k][d]
   */
  public static double[][] softAssignments(float[] z, double[][] centres, double alpha) {
    int k = centres.length;
    int d = centres[0].length;
    int n = z.length / d;
    double[][] q = new double[n][k];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int j = 0; j < k; j++) {
        double dist = 0;
        for (int c = 0; c < d; c++) {
          double diff = z[i * d + c] - centres[j][c];
          dist += diff * diff;
        }
        q[i][j] = Math.pow(1 + dist / alpha, -(alpha + 1) / 2);
        sum += q[i][j];
      }
      for (int j = 0; j < k; j++) {
        q[i][j] /= sum;
      }
    }
    return q;
  }

  /**
   * {@code p_ij = (q_ij² / f_j) / Σ_j' (q_ij'² / f_j')} with cluster frequencies
   * {@code f_j = Σ_i q_ij}: sharpens confident assignments and divides out cluster size, so that
   * large clusters do not swallow small ones.
   */
  public static double[][] targetDistribution(double[][] q) {
    int k = q[0].length;
    double[] frequency = new double[k];
    for (double[] row : q) {
      for (int j = 0; j < k; j++) {
        frequency[j] += row[j];
      }
    }
    double[][] p = new double[q.length][k];
    for (int i = 0; i < q.length; i++) {
      double sum = 0;
      for (int j = 0; j < k; j++) {
        p[i][j] = q[i][j] * q[i][j] / frequency[j];
        sum += p[i][j];
      }
      for (int j = 0; j < k; j++) {
        p[i][j] /= sum;
      }
    }
    return p;
  }

  /** The most probable cluster of each row. */
  public static int[] argmax(double[][] q) {
    int[] out = new int[q.length];
    for (int i = 0; i < q.length; i++) {
      int best = 0;
      for (int j = 1; j < q[i].length; j++) {
        if (q[i][j] > q[i][best]) {
          best = j;
        }
      }
      out[i] = best;
    }
    return out;
  }
}
