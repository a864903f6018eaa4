package io.github.aelab.experiments.bind;

import java.util.List;

/**
 * An experiment file that cannot run, with every problem found. The message reads:
 * <pre>
 * experiments/thyroid-dagmm.yaml: 2 problems, nothing was run
 *   head.type (line 24, col 9): unknown head 'dagm'. Did you mean 'dagmm'? ...
 * </pre>
 */
public final class InvalidSpecException extends IllegalArgumentException {
  private final String file;
  private final List<Problem> problems;

  public InvalidSpecException(String file, List<Problem> problems) {
    super(render(file, problems));
    this.file = file;
    this.problems = List.copyOf(problems);
  }

  public String file() {
    return file;
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String render(String file, List<Problem> problems) {
    StringBuilder b = new StringBuilder(file).append(": ").append(problems.size())
        .append(problems.size() == 1 ? " problem" : " problems").append(", nothing was run");
    for (Problem p : problems) {
      b.append("\n  ").append(p.format());
    }
    return b.toString();
  }
}
