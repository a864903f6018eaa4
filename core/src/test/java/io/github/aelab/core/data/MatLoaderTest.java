package io.github.aelab.core.data;

import static io.github.aelab.core.data.TestFiles.cut;
import static io.github.aelab.core.data.TestFiles.read;
import static io.github.aelab.core.data.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;

class MatLoaderTest {

  @TempDir
  Path dir;

  @Test
  void loadsFeaturesAndLabelsFromXAndY() {
    Path file = writeMat("small.mat", "X", matrix(MatlabType.Double, new double[][] {{1, 2}, {3, 4}, {5, 6}}),
        "y", matrix(MatlabType.Double, new double[][] {{0}, {1}, {0}}));

    Dataset data = MatLoader.load(file, "small");

    assertThat(data.rows()).isEqualTo(3);
    assertThat(data.cols()).isEqualTo(2);
    assertThat(data.features()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(data.labels()).containsExactly(0, 1, 0);
  }

  @Test
  void acceptsIntegerFeaturesAndARowVectorOfLabels() {
    Path file = writeMat("ints.mat", "X", matrix(MatlabType.UInt8, new double[][] {{200, 7}, {0, 255}}),
        "y", matrix(MatlabType.Int16, new double[][] {{1, 0}}));

    Dataset data = MatLoader.load(file, "ints");

    assertThat(data.features()).containsExactly(200, 7, 0, 255);
    assertThat(data.labels()).containsExactly(1, 0);
  }

  @Test
  void readsOtherVariableNamesWithoutLabels() {
    Path file = writeMat("named.mat", "features", matrix(MatlabType.Single, new double[][] {{1.5}, {2.5}}));

    Dataset data = MatLoader.load(file, "features", null, "named");

    assertThat(data.hasLabels()).isFalse();
    assertThat(data.features()).containsExactly(1.5f, 2.5f);
  }

  @Test
  void rejectsMissingX() {
    Path file = writeMat("noX.mat", "data", matrix(MatlabType.Double, new double[][] {{1}}),
        "y", matrix(MatlabType.Double, new double[][] {{1}}));

    assertThatThrownBy(() -> MatLoader.load(file, "x"))
        .isInstanceOf(DataLoadException.class)
        .hasMessage(file + ": missing variable 'X'; the file holds [data, y]");
  }

  @Test
  void rejectsRowCountMismatch() {
    Path file = writeMat("mismatch.mat", "X", matrix(MatlabType.Double, new double[][] {{1}, {2}, {3}}),
        "y", matrix(MatlabType.Double, new double[][] {{0}, {1}}));

    assertThatThrownBy(() -> MatLoader.load(file, "x"))
        .hasMessage(file + ": row count mismatch: 'X' has 3 rows but 'y' has 2 entries");
  }

  @Test
  void rejectsFractionalLabelsAndMatrixLabels() {
    Path fractional = writeMat("fractional.mat", "X", matrix(MatlabType.Double, new double[][] {{1}, {2}}),
        "y", matrix(MatlabType.Double, new double[][] {{0}, {0.5}}));
    Path square = writeMat("square.mat", "X", matrix(MatlabType.Double, new double[][] {{1}, {2}}),
        "y", matrix(MatlabType.Double, new double[][] {{0, 1}, {1, 0}}));

    assertThatThrownBy(() -> MatLoader.load(fractional, "x"))
        .hasMessage(fractional + ": variable 'y'[1] = 0.5 is not an integer label; expected integer class labels");
    assertThatThrownBy(() -> MatLoader.load(square, "x"))
        .hasMessage(square + ": variable 'y' must be a vector (n x 1 or 1 x n), found size 2x2");
  }

  @Test
  void rejectsNonNumericX() {
    Path file = dir.resolve("text.mat");
    try (Mat5File mat = Mat5.newMatFile()) {
      mat.addArray("X", Mat5.newString("not numbers"));
      Mat5.writeToFile(mat, file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    assertThatThrownBy(() -> MatLoader.load(file, "x"))
        .hasMessage(file + ": variable 'X' is of type char; expected a dense numeric matrix (double, single or"
            + " integer)");
  }

  @Test
  void rejectsMatlab73HdfFilesWithAPointerToTheNpzCopies() {
    // A v7.3 file: a 512-byte MATLAB user block, then the HDF5 superblock signature.
    byte[] content = new byte[1024];
    byte[] text = "MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Mon Jan  1 00:00:00 2024 HDF5 schema 1.00 ."
        .getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(text, 0, content, 0, text.length);
    byte[] signature = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    System.arraycopy(signature, 0, content, 512, signature.length);
    Path file = write(dir, "odds_big.mat", content);

    assertThatThrownBy(() -> MatLoader.load(file, "x"))
        .hasMessageStartingWith(file + ": MATLAB v7.3 (HDF5) .mat files are not supported")
        .hasMessageContaining("ADBench .npz");
  }

  @Test
  void rejectsFilesThatAreNotMatFiles() {
    Path tiny = write(dir, "tiny.mat", "MATLAB");
    byte[] noEndian = new byte[200];
    Arrays.fill(noEndian, (byte) ' ');
    Path text = write(dir, "text.mat", noEndian);

    assertThatThrownBy(() -> MatLoader.load(tiny, "x"))
        .hasMessage(tiny + ": truncated: 6 bytes, but a MAT-file starts with a 128-byte header");
    assertThatThrownBy(() -> MatLoader.load(text, "x"))
        .hasMessage(text + ": not a MATLAB v5/v7 MAT-file: no endian indicator 'IM' or 'MI' at byte 126"
            + " (MATLAB v4 files are not supported)");
  }

  @Test
  void rejectsTruncatedFiles() {
    // Random values, so that MFL's compression leaves a file well beyond the 128-byte header.
    java.util.Random random = new java.util.Random(1);
    double[][] values = new double[50][4];
    for (double[] row : values) {
      Arrays.setAll(row, i -> random.nextDouble());
    }
    Path whole = writeMat("whole.mat", "X", matrix(MatlabType.Double, values));
    byte[] content = read(whole);
    Path file = write(dir, "cut.mat", cut(content, content.length / 2));

    assertThatThrownBy(() -> MatLoader.load(file, "x"))
        .isInstanceOf(DataLoadException.class)
        .hasMessageStartingWith(file + ": cannot be read as a MATLAB v5/v7 MAT-file (truncated or corrupt?)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "arrhythmia, 452, 274, 66",
    "cardio, 1831, 21, 176",
    "glass, 214, 9, 9",
    "ionosphere, 351, 33, 126",
    "letter, 1600, 32, 100",
    "lympho, 148, 18, 6",
    "mnist, 7603, 100, 700",
    "musk, 3062, 166, 97",
    "optdigits, 5216, 64, 150",
    "pendigits, 6870, 16, 156",
    "pima, 768, 8, 268",
    "satellite, 6435, 36, 2036",
    "satimage-2, 5803, 36, 71",
    "shuttle, 49097, 9, 3511",
    "vertebral, 240, 6, 30",
    "vowels, 1456, 12, 50",
    "wbc, 378, 30, 21",
  })
  void loadsEveryOddsFileWithTheShapeInSources(String name, int rows, int cols, int outliers) {
    Path file = SharedTestData.require("anomaly/odds_" + name + ".mat");

    Dataset data = MatLoader.load(file, name);

    assertThat(data.rows()).isEqualTo(rows);
    assertThat(data.cols()).isEqualTo(cols);
    assertThat(data.labelCounts()).containsOnlyKeys(0, 1).containsEntry(1, outliers);
  }

  @Test
  void agreesWithTheAdbenchCopyOfTheSameData() {
    // SOURCES.md: ADBench's satellite holds values identical to the ODDS file; here X is uint8
    // in the .npz (Fortran order) and stored compactly in the .mat.
    Dataset odds = MatLoader.load(SharedTestData.require("anomaly/odds_satellite.mat"), "satellite");
    Dataset adbench = NpzLoader.load(SharedTestData.require("anomaly/adbench_satellite.npz"), "satellite");

    assertThat(odds).isEqualTo(adbench);
  }

  private Path writeMat(String fileName, Object... namesAndArrays) {
    Path file = dir.resolve(fileName);
    try (Mat5File mat = Mat5.newMatFile()) {
      for (int i = 0; i < namesAndArrays.length; i += 2) {
        mat.addArray((String) namesAndArrays[i], (Matrix) namesAndArrays[i + 1]);
      }
      Mat5.writeToFile(mat, file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private static Matrix matrix(MatlabType type, double[][] values) {
    Matrix matrix = Mat5.newMatrix(values.length, values[0].length, type);
    for (int r = 0; r < values.length; r++) {
      for (int c = 0; c < values[0].length; c++) {
        matrix.setDouble(r, c, values[r][c]);
      }
    }
    return matrix;
  }
}
