package io.github.aelab.core.data;

import static io.github.aelab.core.data.TestFiles.cut;
import static io.github.aelab.core.data.TestFiles.float32;
import static io.github.aelab.core.data.TestFiles.gzip;
import static io.github.aelab.core.data.TestFiles.int64;
import static io.github.aelab.core.data.TestFiles.npy;
import static io.github.aelab.core.data.TestFiles.read;
import static io.github.aelab.core.data.TestFiles.resource;
import static io.github.aelab.core.data.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyLoaderTest {

  @TempDir
  Path dir;

  @Test
  void readsFortranOrderedFloat64IntoCOrder() {
    // np.asfortranarray(np.arange(6.0).reshape(2, 3)): stored as 0 3 1 4 2 5.
    NpyArray array = NpyLoader.load(resource("f8-fortran-2x3.npy"));

    assertThat(array.dtype()).isEqualTo("<f8");
    assertThat(array.shape()).containsExactly(2, 3);
    assertThat(array.isInteger()).isFalse();
    assertThat(array.floats()).containsExactly(0, 1, 2, 3, 4, 5);
  }

  @Test
  void readsIntegerAndBoolDtypesExactly() {
    assertThat(NpyLoader.load(resource("i2-bigendian-3.npy")).longs()).containsExactly(1, -2, 300);
    assertThat(NpyLoader.load(resource("u1-2x2.npy")).longs()).containsExactly(0, 255, 128, 7);
    assertThat(NpyLoader.load(resource("bool-4.npy")).longs()).containsExactly(1, 0, 0, 1);
    assertThat(NpyLoader.load(resource("i8-v3-header-3.npy")).longs()).containsExactly(7, -8, 1L << 40);
  }

  @Test
  void readsVersion2Headers() {
    NpyArray array = NpyLoader.load(resource("f4-v2-header-2x2.npy"));

    assertThat(array.shapeString()).isEqualTo("(2, 2)");
    assertThat(array.floats()).containsExactly(1.5f, -2.25f, 3, 4);
  }

  @Test
  void readsGzippedFiles() {
    Path file = write(dir, "array.npy", gzip(read(resource("f8-fortran-2x3.npy"))));

    assertThat(NpyLoader.load(file).floats()).containsExactly(0, 1, 2, 3, 4, 5);
  }

  @Test
  void reordersFortranArraysOfThreeDimensions() {
    // Element (i, j, k) holds 100i + 10j + k; Fortran order stores i fastest, then j, then k.
    float[] fortran = new float[2 * 3 * 4];
    int n = 0;
    for (int k = 0; k < 4; k++) {
      for (int j = 0; j < 3; j++) {
        for (int i = 0; i < 2; i++) {
          fortran[n++] = 100 * i + 10 * j + k;
        }
      }
    }
    Path file = write(dir, "cube.npy",
        npy("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3, 4), }", float32(fortran)));

    float[] values = NpyLoader.load(file).floats();

    assertThat(values[0]).isEqualTo(0);
    assertThat(values[1]).isEqualTo(1); // (0, 0, 1)
    assertThat(values[4]).isEqualTo(10); // (0, 1, 0)
    assertThat(values[12]).isEqualTo(100); // (1, 0, 0)
    assertThat(values[23]).isEqualTo(123); // (1, 2, 3)
  }

  @Test
  void rejectsTruncatedData() {
    byte[] whole = npy("{'descr': '<i8', 'fortran_order': False, 'shape': (494021, 119), }", int64(1, 2, 3));
    Path file = write(dir, "kdd.npy", whole);

    assertThatThrownBy(() -> NpyLoader.load(file))
        .isInstanceOf(DataLoadException.class)
        .hasMessage(file + ": truncated: header says shape (494021, 119) of <i8 (470307992 bytes) but only 24"
            + " bytes follow");
  }

  @Test
  void rejectsTruncatedHeader() {
    byte[] whole = read(resource("u1-2x2.npy"));
    Path file = write(dir, "cut.npy", cut(whole, 40));

    assertThatThrownBy(() -> NpyLoader.load(file))
        .hasMessage(file + ": truncated header: only 30 of the 118 bytes of the header dictionary");
  }

  @Test
  void rejectsWrongMagicAndVersion() {
    Path text = write(dir, "text.npy", "just some text, no array here");
    byte[] future = read(resource("u1-2x2.npy"));
    future[6] = 9;
    Path version9 = write(dir, "v9.npy", future);

    assertThatThrownBy(() -> NpyLoader.load(text))
        .hasMessage(text + ": not a .npy file: it does not start with the magic string \\x93NUMPY");
    assertThatThrownBy(() -> NpyLoader.load(version9))
        .hasMessage(version9 + ": unsupported .npy format version 9.0; expected 1.0, 2.0 or 3.0");
  }

  @Test
  void rejectsMalformedHeaders() {
    Path noShape = write(dir, "noshape.npy", npy("{'descr': '<f4', 'fortran_order': False, }", float32(1)));
    Path notDict = write(dir, "notdict.npy", npy("descr=<f4", float32(1)));
    Path badShape = write(dir, "badshape.npy",
        npy("{'descr': '<f4', 'fortran_order': False, 'shape': (two,), }", float32(1)));

    assertThatThrownBy(() -> NpyLoader.load(noShape))
        .hasMessageStartingWith(noShape + ": malformed header: no valid 'shape' entry in");
    assertThatThrownBy(() -> NpyLoader.load(notDict))
        .hasMessageStartingWith(notDict + ": malformed header: expected a Python dict literal {...}");
    assertThatThrownBy(() -> NpyLoader.load(badShape))
        .hasMessageStartingWith(badShape + ": malformed header: shape entry 'two' is not a non-negative int");
  }

  @Test
  void rejectsUnknownDtypes() {
    Path complex = write(dir, "complex.npy", npy("{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }",
        new byte[16]));
    Path structured = write(dir, "records.npy",
        npy("{'descr': [('a', '<i4'), ('b', '<f8')], 'fortran_order': False, 'shape': (1,), }", new byte[12]));

    assertThatThrownBy(() -> NpyLoader.load(complex))
        .hasMessageStartingWith(complex + ": unsupported dtype '<c16'; supported: f4, f8 (float)");
    assertThatThrownBy(() -> NpyLoader.load(structured))
        .hasMessage(structured + ": unsupported dtype: structured arrays (descr is a list) are not supported");
  }

  @Test
  void rejectsUnsigned64BitValuesBeyondLong() {
    Path file = write(dir, "huge.npy", npy("{'descr': '<u8', 'fortran_order': False, 'shape': (1,), }", int64(-1)));

    assertThatThrownBy(() -> NpyLoader.load(file))
        .hasMessage(file + ": uint64 value 18446744073709551615 exceeds the range of long");
  }
}
