package io.github.aelab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's help renders cleanly. picocli reads descriptions as format strings, so a lone
 * {@code %} (as in "t % n") makes it print a warning on standard error and show the raw text.
 */
class HelpTextTest {
  @Test
  void everyCommandsHelpFormatsWithoutWarnings() {
    PrintStream stderr = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    StringBuilder help = new StringBuilder();
    System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
    try {
      appendHelp(AelabCommand.commandLine(), help);
    } finally {
      System.setErr(stderr);
    }
    assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(help).contains("t % n == i");
  }

  private static void appendHelp(CommandLine command, StringBuilder help) {
    help.append(command.getUsageMessage());
    command.getSubcommands().values().forEach(sub -> appendHelp(sub, help));
  }
}
