package io.github.aelab.benchmarks;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.IdxLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MNIST as the four IDX files of one directory: the 60,000 training and 10,000 test images
 * (784 pixels in [0, 1]) with their digit labels.
 *
 * @param files the files read, by role, for reports
 */
record MnistData(Dataset train, Dataset test, Map<String, Path> files) {

  /** Loads {@code dir} (found by {@link DataDirectory} when the caller passes null). */
  static MnistData load(Path dir) {
    Path found = DataDirectory.find(dir, "mnist");
    Map<String, Path> files = new LinkedHashMap<>();
    files.put("train_images", found.resolve("train-images-idx3-ubyte.gz"));
    files.put("train_labels", found.resolve("train-labels-idx1-ubyte.gz"));
    files.put("test_images", found.resolve("t10k-images-idx3-ubyte.gz"));
    files.put("test_labels", found.resolve("t10k-labels-idx1-ubyte.gz"));
    Dataset train = IdxLoader.load(files.get("train_images"), files.get("train_labels"), "mnist-train");
    Dataset test = IdxLoader.load(files.get("test_images"), files.get("test_labels"), "mnist-test");
    return new MnistData(train, test, java.util.Collections.unmodifiableMap(files));
  }

  /**
   * All 70,000 images, the training file's first and then the test file's: the retrieval
   * protocols draw their own queries from the whole set and ignore the official split.
   */
  Dataset all() {
    return Dataset.concat(train, test, "mnist-all");
  }
}
