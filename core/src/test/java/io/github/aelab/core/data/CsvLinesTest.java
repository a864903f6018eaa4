package io.github.aelab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvLinesTest {

  @Test
  void splitsAndTrimsPlainCells() {
    assertThat(CsvLines.split(" 1, 2 ,3", ',')).containsExactly("1", "2", "3");
  }

  @Test
  void keepsDelimitersAndDoubledQuotesInsideQuotedCells() {
    assertThat(CsvLines.split("\"a,b\", \"say \"\"hi\"\"\" ,c", ',')).containsExactly("a,b", "say \"hi\"", "c");
  }

  @Test
  void reportsEmptyCellsIncludingATrailingOne() {
    assertThat(CsvLines.split("1,,3,", ',')).containsExactly("1", "", "3", "");
  }

  @Test
  void splitsOnTabsWithoutTreatingThemAsPadding() {
    assertThat(CsvLines.split("1\t\t3", '\t')).containsExactly("1", "", "3");
  }

  @Test
  void rejectsTextAfterAClosingQuote() {
    assertThatThrownBy(() -> CsvLines.split("\"1\"x,2", ','))
        .hasMessage("unexpected 'x' after the closing quote at character 4");
  }
}
