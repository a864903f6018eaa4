package io.github.aelab.core.data;

import static io.github.aelab.core.data.TestFiles.cut;
import static io.github.aelab.core.data.TestFiles.float32;
import static io.github.aelab.core.data.TestFiles.int64;
import static io.github.aelab.core.data.TestFiles.npy;
import static io.github.aelab.core.data.TestFiles.read;
import static io.github.aelab.core.data.TestFiles.resource;
import static io.github.aelab.core.data.TestFiles.write;
import static io.github.aelab.core.data.TestFiles.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpzLoaderTest {

  private static final String MATRIX_3X2 = "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }";
  private static final byte[] X = npy(MATRIX_3X2, float32(1, 2, 3, 4, 5, 6));

  @TempDir
  Path dir;

  @Test
  void loadsXAndYFromStoredAndDeflatedArchives() {
    // np.savez (stored, <f8 X, <i8 y) and np.savez_compressed (deflated, Fortran <f4 X, (3, 1) <i4 y).
    Dataset stored = NpzLoader.load(resource("stored-xy.npz"), "stored");
    Dataset deflated = NpzLoader.load(resource("deflated-xy.npz"), "deflated");

    assertThat(stored.features()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(stored.labels()).containsExactly(0, 1, 0);
    assertThat(deflated.features()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(deflated.labels()).containsExactly(1, 0, 1);
  }

  @Test
  void listsKeysAndReadsSingleArrays() {
    Path file = resource("stored-xy.npz");

    assertThat(NpzLoader.keys(file)).containsExactly("X", "y");
    assertThat(NpzLoader.array(file, "y").longs()).containsExactly(0, 1, 0);
  }

  @Test
  void loadsChosenKeys() {
    Path file = write(dir, "digits.npz", zip(entries("X_train.npy", X, "y_train.npy", npy(
        "{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }", int64(3, 1, 4)))));

    Dataset data = NpzLoader.load(file, "X_train", "y_train", "digits");

    assertThat(data.labels()).containsExactly(3, 1, 4);
    assertThat(NpzLoader.load(file, "X_train", null, "unlabelled").hasLabels()).isFalse();
  }

  @Test
  void splitsTheLastColumnOffAsLabel() {
    Path file = write(dir, "kdd.npz", zip(entries("kdd.npy", npy(MATRIX_3X2, float32(0.5f, 1, 0.25f, 0, 2, 1)))));

    Dataset data = NpzLoader.loadLabelInLastColumn(file, "kdd", "kdd");

    assertThat(data.cols()).isEqualTo(1);
    assertThat(data.features()).containsExactly(0.5f, 0.25f, 2);
    assertThat(data.labels()).containsExactly(1, 0, 1);
  }

  @Test
  void rejectsArchivesWithoutX() {
    Path file = write(dir, "nox.npz", zip(entries("data.npy", X)));

    assertThatThrownBy(() -> NpzLoader.load(file, "x"))
        .isInstanceOf(DataLoadException.class)
        .hasMessage(file + ": missing array 'X' (entry X.npy); the archive holds [data]");
  }

  @Test
  void rejectsRowCountMismatch() {
    Path file = write(dir, "mismatch.npz", zip(entries("X.npy", X,
        "y.npy", npy("{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }", int64(0, 1)))));

    assertThatThrownBy(() -> NpzLoader.load(file, "x"))
        .hasMessage(file + ": row count mismatch: 'X' has 3 rows but 'y' has 2 labels (2,)");
  }

  @Test
  void rejectsWrongShapesAndFractionalLabels() {
    byte[] vector = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", float32(0, 0.5f, 1));
    Path flatX = write(dir, "flat.npz", zip(entries("X.npy", vector)));
    Path fractional = write(dir, "fractional.npz", zip(entries("X.npy", X, "y.npy", vector)));

    assertThatThrownBy(() -> NpzLoader.load(flatX, "x"))
        .hasMessage(flatX + ": array 'X' has shape (3,); expected a non-empty 2-D array (rows, features)");
    assertThatThrownBy(() -> NpzLoader.load(fractional, "x"))
        .hasMessage(fractional + ": array 'y'[1] = 0.5 is not an integer label; expected integer class labels");
  }

  @Test
  void rejectsNonFiniteFeatures() {
    Path file = write(dir, "nan.npz", zip(entries("X.npy", npy(MATRIX_3X2, float32(1, 2, 3, Float.NaN, 5, 6)))));

    assertThatThrownBy(() -> NpzLoader.load(file, "X", null, "x"))
        .hasMessage(file + ": array 'X' has a non-finite value (NaN) at row 1, column 1; expected finite numbers");
  }

  @Test
  void rejectsFilesThatAreNotZipArchives() {
    Path text = write(dir, "text.npz", "not a zip");
    byte[] whole = read(resource("deflated-xy.npz"));
    Path truncated = write(dir, "cut.npz", cut(whole, whole.length / 2));

    assertThatThrownBy(() -> NpzLoader.load(text, "x"))
        .hasMessageStartingWith(text + ": not a valid .npz (zip) archive, or truncated");
    assertThatThrownBy(() -> NpzLoader.load(truncated, "x"))
        .hasMessageStartingWith(truncated + ": not a valid .npz (zip) archive, or truncated");
  }

  @Test
  void namesTheEntryOfATruncatedArray() {
    byte[] shortX = cut(X, X.length - 4);
    Path file = write(dir, "short.npz", zip(entries("X.npy", shortX)));

    assertThatThrownBy(() -> NpzLoader.load(file, "x"))
        .hasMessage(file + ": entry 'X.npy': truncated: header says shape (3, 2) of <f4 (24 bytes) but only 20"
            + " bytes follow");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "aloi, 49534, 27, 1508", "annthyroid, 7200, 6, 534", "breastw, 683, 9, 239", "campaign, 41188, 62, 4640",
    "cardio, 1831, 21, 176", "cardiotocography, 2114, 21, 466", "celeba, 202599, 39, 4547",
    "cover, 286048, 10, 2747", "donors, 619326, 10, 36710", "fault, 1941, 27, 673", "glass, 214, 7, 9",
    "hepatitis, 80, 19, 13", "http, 567498, 3, 2211", "internetads, 1966, 1555, 368",
    "ionosphere, 351, 32, 126", "landsat, 6435, 36, 1333", "letter, 1600, 32, 100",
    "lymphography, 148, 18, 6", "magic_gamma, 19020, 10, 6688", "mammography, 11183, 6, 260",
    "mnist, 7603, 100, 700", "musk, 3062, 166, 97", "optdigits, 5216, 64, 150", "pageblocks, 5393, 10, 510",
    "pendigits, 6870, 16, 156", "pima, 768, 8, 268", "satellite, 6435, 36, 2036", "satimage-2, 5803, 36, 71",
    "shuttle, 49097, 9, 3511", "skin, 245057, 3, 50859", "smtp, 95156, 3, 30", "spambase, 4207, 57, 1679",
    "stamps, 340, 9, 31", "thyroid, 3772, 6, 93", "vertebral, 240, 6, 30", "vowels, 1456, 12, 50",
    "waveform, 3443, 21, 100", "wbc, 223, 9, 10", "wdbc, 367, 30, 10", "wilt, 4819, 5, 257",
    "wine, 129, 13, 10", "wpbc, 198, 33, 47", "yeast, 1484, 8, 507",
  })
  void loadsEveryAdbenchFileWithTheShapeInSources(String name, int rows, int cols, int outliers) {
    Path file = SharedTestData.require("anomaly/adbench_" + name + ".npz");

    Dataset data = NpzLoader.load(file, name);

    assertThat(data.rows()).isEqualTo(rows);
    assertThat(data.cols()).isEqualTo(cols);
    assertThat(data.labelCounts()).containsOnlyKeys(0, 1).containsEntry(1, outliers);
  }

  @Test
  void loadsUspsTrainAndTestByKey() {
    Path file = SharedTestData.require("usps/usps.npz");

    Dataset train = NpzLoader.load(file, "X_train", "y_train", "usps-train");
    Dataset test = NpzLoader.load(file, "X_test", "y_test", "usps-test");

    assertThat(NpzLoader.keys(file)).containsExactly("X_train", "y_train", "X_test", "y_test");
    assertThat(train.rows()).isEqualTo(7291);
    assertThat(train.cols()).isEqualTo(256);
    assertThat(test.rows()).isEqualTo(2007);
    assertThat(train.labelCounts().values()).containsExactly(1194, 1005, 731, 658, 652, 556, 664, 645, 542, 644);
    assertThat(test.labelCounts()).hasSize(10).contains(entry(0, 359), entry(9, 177));
  }

  @Test
  void loadsTheDagmmKddcupEncodingWithItsLabelColumn() {
    Path file = SharedTestData.require("anomaly/kddcup99_dagmm_onehot.npz");

    Dataset data = NpzLoader.loadLabelInLastColumn(file, "kdd", "kddcup99");

    assertThat(data.rows()).isEqualTo(494021);
    assertThat(data.cols()).isEqualTo(118);
    assertThat(data.labelCounts()).containsExactly(entry(0, 396743), entry(1, 97278));
  }

  private static Map<String, byte[]> entries(Object... namesAndContents) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i < namesAndContents.length; i += 2) {
      entries.put((String) namesAndContents[i], (byte[]) namesAndContents[i + 1]);
    }
    return entries;
  }
}
