package io.github.aelab.core.data;

import static io.github.aelab.core.data.TestFiles.cut;
import static io.github.aelab.core.data.TestFiles.gzip;
import static io.github.aelab.core.data.TestFiles.idx;
import static io.github.aelab.core.data.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxLoaderTest {

  private static final int IMAGES_MAGIC = 0x00000803;
  private static final int LABELS_MAGIC = 0x00000801;

  @TempDir
  Path dir;

  /** Two 2x3 images with pixel bytes 0, 51, 102, ... and labels 4 and 9. */
  private final byte[] images = idx(IMAGES_MAGIC, new int[] {2, 2, 3},
      new byte[] {0, 51, 102, (byte) 153, (byte) 204, (byte) 255, 0, 0, 0, 0, 0, 1});
  private final byte[] labels = idx(LABELS_MAGIC, new int[] {2}, new byte[] {4, 9});

  @Test
  void loadsImagesScaledToUnitRangeWithLabels() {
    Path imageFile = write(dir, "images-idx3-ubyte", images);
    Path labelFile = write(dir, "labels-idx1-ubyte", labels);

    Dataset data = IdxLoader.load(imageFile, labelFile, "tiny");

    assertThat(data.rows()).isEqualTo(2);
    assertThat(data.cols()).isEqualTo(6);
    assertThat(data.imageShape()).containsExactly(2, 3, 1);
    assertThat(data.features()).containsExactly(new float[] {0, 0.2f, 0.4f, 0.6f, 0.8f, 1, 0, 0, 0, 0, 0, 1 / 255f},
        within(1e-7f));
    assertThat(data.labels()).containsExactly(4, 9);
  }

  @Test
  void detectsGzipByContentNotByName() {
    Path imageFile = write(dir, "images.idx", gzip(images));
    Path labelFile = write(dir, "labels.gz", labels);

    Dataset data = IdxLoader.load(imageFile, labelFile, "tiny");

    assertThat(data.get(0, 5)).isEqualTo(1f);
    assertThat(data.labels()).containsExactly(4, 9);
  }

  @Test
  void loadsImagesAlone() {
    Dataset data = IdxLoader.loadImages(write(dir, "images", images), "unlabelled");

    assertThat(data.hasLabels()).isFalse();
    assertThat(data.rows()).isEqualTo(2);
  }

  @Test
  void rejectsTruncatedImages() {
    Path file = write(dir, "train.idx", cut(images, images.length - 5));

    assertThatThrownBy(() -> IdxLoader.loadImages(file, "x"))
        .isInstanceOf(DataLoadException.class)
        .hasMessage(file + ": truncated: header says 2 images of 2x3 (12 bytes) but only 7 bytes follow");
  }

  @Test
  void rejectsTruncatedGzippedImages() {
    byte[] compressed = gzip(images);
    Path file = write(dir, "train.gz", cut(compressed, compressed.length - 12));

    assertThatThrownBy(() -> IdxLoader.loadImages(file, "x"))
        .isInstanceOf(DataLoadException.class)
        .hasMessageStartingWith(file + ": ")
        .hasMessageContaining("truncated");
  }

  @Test
  void rejectsTruncatedHeader() {
    Path file = write(dir, "short.idx", cut(images, 9));

    assertThatThrownBy(() -> IdxLoader.loadImages(file, "x"))
        .hasMessage(file + ": truncated header: 3 dimension sizes need 12 bytes after the magic number, found 5");
  }

  @Test
  void rejectsWrongMagicNumber() {
    Path file = write(dir, "photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0});

    assertThatThrownBy(() -> IdxLoader.loadImages(file, "x"))
        .hasMessage(file + ": not an IDX file: magic number 0x89504E47, expected 0x00000803 for images"
            + " (count x rows x cols) of unsigned bytes");
  }

  @Test
  void rejectsALabelFileGivenAsImages() {
    Path file = write(dir, "labels", labels);

    assertThatThrownBy(() -> IdxLoader.loadImages(file, "x"))
        .hasMessage(file + ": IDX file has 1 dimension(s) but images (count x rows x cols) need 3;"
            + " is this a labels file?");
  }

  @Test
  void rejectsNonByteElements() {
    Path file = write(dir, "floats", idx(0x00000D03, new int[] {1, 1, 1}, new byte[4]));

    assertThatThrownBy(() -> IdxLoader.loadImages(file, "x"))
        .hasMessage(file + ": unsupported IDX element type 0x0D (float32); only 0x08 (unsigned byte) is supported");
  }

  @Test
  void rejectsDataBeyondWhatTheHeaderAnnounces() {
    byte[] longer = java.util.Arrays.copyOf(labels, labels.length + 3);
    Path file = write(dir, "labels", longer);

    assertThatThrownBy(() -> IdxLoader.loadLabels(file))
        .hasMessage(file + ": unexpected data after the 2 bytes the header announces; the header or the file"
            + " is wrong");
  }

  @Test
  void rejectsLabelCountMismatch() {
    Path imageFile = write(dir, "images", images);
    Path labelFile = write(dir, "labels", idx(LABELS_MAGIC, new int[] {3}, new byte[] {1, 2, 3}));

    assertThatThrownBy(() -> IdxLoader.load(imageFile, labelFile, "x"))
        .hasMessage(labelFile + ": holds 3 labels but " + imageFile
            + " holds 2 images; expected one label per image");
  }

  @Test
  void rejectsMissingFile() {
    Path file = dir.resolve("absent");

    assertThatThrownBy(() -> IdxLoader.loadImages(file, "x")).hasMessage(file + ": file not found");
  }

  @Test
  void loadsRealMnist() {
    Path trainImages = SharedTestData.require("mnist/train-images-idx3-ubyte.gz");
    Path mnist = trainImages.getParent();

    Dataset train = IdxLoader.load(trainImages, mnist.resolve("train-labels-idx1-ubyte.gz"), "mnist-train");
    Dataset test = IdxLoader.load(mnist.resolve("t10k-images-idx3-ubyte.gz"),
        mnist.resolve("t10k-labels-idx1-ubyte.gz"), "mnist-test");

    assertThat(train.rows()).isEqualTo(60000);
    assertThat(test.rows()).isEqualTo(10000);
    assertThat(train.imageShape()).containsExactly(28, 28, 1);
    // The well-known class sizes of MNIST's training set: 5923 zeros ... 5949 nines.
    assertThat(train.labelCounts().values())
        .containsExactly(5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949);
    assertThat(train.labels()[0]).isEqualTo(5);
  }
}
