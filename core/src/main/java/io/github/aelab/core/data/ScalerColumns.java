package io.github.aelab.core.data;

/** The column-count check every scaler makes before transforming. */
final class ScalerColumns {

  private ScalerColumns() {
  }

  static void check(int fittedColumns, Dataset data) {
    if (data.cols() != fittedColumns) {
      throw new IllegalArgumentException("scaler was fitted on " + fittedColumns + " columns but dataset '"
          + data.name() + "' has " + data.cols());
    }
  }
}
