package io.github.aelab.core.train;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.types.TFloat32;

/**
 * Copies the rows of a batch into input tensors that are allocated once per batch size and
 * reused for every step: no Java array and no native tensor is allocated per batch. Closing the
 * feeder frees the native memory.
 */
public final class BatchFeeder implements AutoCloseable {
  private final List<Feed> feeds;
  private final int rows;
  private final Map<Integer, Slot[]> slotsBySize = new HashMap<>();

  private record Slot(TFloat32 tensor, FloatDataBuffer buffer, float[] staging) {}

  public BatchFeeder(List<Feed> feeds) {
    if (feeds.isEmpty()) {
      throw new IllegalArgumentException("a feeder needs at least one feed");
    }
    this.feeds = List.copyOf(feeds);
    this.rows = feeds.get(0).rowCount();
    for (Feed f : feeds) {
      if (f.rowCount() != rows) {
        throw new IllegalArgumentException("feeds disagree on the number of rows: " + rows + " vs " + f.rowCount());
      }
    }
  }

  public int rows() {
    return rows;
  }

  /**
   * Fills the tensors with rows {@code order[from .. from+count)} and adds them to the runner.
   */
  public Session.Runner feed(Session.Runner runner, int[] order, int from, int count) {
    Slot[] slots = slotsBySize.computeIfAbsent(count, this::allocate);
    for (int f = 0; f < feeds.size(); f++) {
      Feed feed = feeds.get(f);
      Slot slot = slots[f];
      int cols = feed.cols();
      float[] src = feed.rows();
      float[] staging = slot.staging();
      for (int r = 0; r < count; r++) {
        int row = order == null ? from + r : order[from + r];
        System.arraycopy(src, row * cols, staging, r * cols, cols);
      }
      slot.buffer().write(staging);
      runner.feed(feed.placeholder(), slot.tensor());
    }
    return runner;
  }

  private Slot[] allocate(int count) {
    Slot[] slots = new Slot[feeds.size()];
    for (int f = 0; f < feeds.size(); f++) {
      int cols = feeds.get(f).cols();
      TFloat32 t = TFloat32.tensorOf(Shape.of(count, cols));
      slots[f] = new Slot(t, t.asRawTensor().data().asFloats(), new float[count * cols]);
    }
    return slots;
  }

  @Override
  public void close() {
    for (Slot[] slots : slotsBySize.values()) {
      for (Slot s : slots) {
        s.tensor().close();
      }
    }
    slotsBySize.clear();
  }
}
