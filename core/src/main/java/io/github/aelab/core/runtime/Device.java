package io.github.aelab.core.runtime;

/** Where the graph runs. */
public enum Device {
  CPU,
  GPU,
  /** The GPU when one is usable, else the CPU (with a log line saying why). */
  AUTO;

  public String yamlName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
