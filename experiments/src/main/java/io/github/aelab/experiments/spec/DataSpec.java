package io.github.aelab.experiments.spec;

import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
import io.github.aelab.experiments.data.DataSourceSpec;
import java.util.Objects;

@Doc("where the rows come from, how they are split and scaled")
public record DataSpec(
    @Doc("the data source: {type: ..., ...}") DataSourceSpec source,
    @Doc("a separate source of test rows (e.g. MNIST's official test set); then split.test_fraction must be left out")
    @DefaultValue(DefaultValue.NULL) DataSourceSpec testSource,
    @Doc("held-out fractions") @DefaultValue("{}") SplitSpec split,
    @Doc("none, min_max or z_score; fitted on the training rows only") @DefaultValue("none") Scaling scaling,
    @Doc("autoencoder runs on values in [0, 1]: none; static (every row drawn once as Bernoulli(value)); or dynamic "
        + "(training rows redrawn every epoch, validation and test drawn once with the seed: the IWAE protocol)")
    @DefaultValue("none") Binarize binarize) {
  public DataSpec {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(scaling, "scaling");
    Objects.requireNonNull(binarize, "binarize");
    if (testSource != null && split.testFraction() != null) {
      throw new IllegalArgumentException("split.test_fraction and test_source exclude each other: the test rows come from test_source");
    }
  }

  /** Rows of grey levels, unsplit and unscaled, as before this option existed. */
  public DataSpec(DataSourceSpec source, DataSourceSpec testSource, SplitSpec split, Scaling scaling) {
    this(source, testSource, split, scaling, Binarize.NONE);
  }

  /** The fraction of the source's rows held out for testing: 0 with a test source, 0.2 unless set. */
  public double effectiveTestFraction() {
    return testSource != null ? 0 : split.testFraction() == null ? 0.2 : split.testFraction();
  }

  /** Bernoulli binarization of values in [0, 1] (after scaling). */
  public enum Binarize {
    NONE,
    /** Every split drawn once, with the seed. */
    STATIC,
    /** Validation and test drawn once; training rows drawn afresh before every epoch. */
    DYNAMIC
  }

  public enum Scaling {
    NONE,
    MIN_MAX,
    Z_SCORE
  }

  @Doc("fractions of the rows held out for testing and, of the rest, for validation")
  public record SplitSpec(
      @Doc("fraction of all rows for the test set (default 0.2; not with test_source)") @DefaultValue(DefaultValue.NULL) Double testFraction,
      @Doc("fraction of the remaining rows for validation; 0 for none") @DefaultValue("0.1") double validationFraction) {
    /** The default of validation_fraction (the annotation above says the same). */
    static final double DEFAULT_VALIDATION_FRACTION = 0.1;

    public SplitSpec {
      if (testFraction != null && !(testFraction > 0 && testFraction < 1)) {
        throw new IllegalArgumentException("test_fraction must be in (0, 1), found " + testFraction);
      }
      if (!(validationFraction >= 0 && validationFraction < 1)) {
        throw new IllegalArgumentException("validation_fraction must be in [0, 1), found " + validationFraction);
      }
    }

    /** Whether this is the split of a file that says nothing about splitting (all defaults). */
    public boolean isDefault() {
      return testFraction == null && validationFraction == DEFAULT_VALIDATION_FRACTION;
    }
  }
}
