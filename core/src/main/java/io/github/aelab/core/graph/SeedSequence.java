package io.github.aelab.core.graph;

import java.util.SplittableRandom;

/**
 * Hands out op-level seeds derived from one experiment seed.
 *
 * <p>Every random op in a graph gets its own pair of seeds, drawn in graph-construction order.
 * Because construction order is deterministic, the same experiment seed gives the same seeds to
 * the same ops, and so the same numbers on CPU. Stateless random ops are used throughout so that
 * a restored checkpoint continues the same random stream (stateful random ops would restart).
 */
public final class SeedSequence {
  private final long root;
  private final SplittableRandom random;

  public SeedSequence(long seed) {
    this.root = seed;
    this.random = new SplittableRandom(seed);
  }

  /** The seed this sequence was created with. */
  public long root() {
    return root;
  }

  /** The next op seed; never the same twice within one sequence in practice. */
  public long next() {
    return random.nextLong();
  }
}
