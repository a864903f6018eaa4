package io.github.aelab.core.data;

import static io.github.aelab.core.data.TestFiles.gzip;
import static io.github.aelab.core.data.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLoaderTest {

  @TempDir
  Path dir;

  @Test
  void loadsFeaturesAndTheNamedLabelColumn() {
    Path file = write(dir, "patients.csv", """
        age,class,pressure
        31,0,1.5e2
        47,1,-3.25

        52,0,.5
        """);

    Dataset data = CsvLoader.load(file, CsvOptions.labelled("class"), "patients");

    assertThat(data.rows()).isEqualTo(3);
    assertThat(data.cols()).isEqualTo(2);
    assertThat(data.features()).containsExactly(31, 150, 47, -3.25f, 52, 0.5f);
    assertThat(data.labels()).containsExactly(0, 1, 0);
  }

  @Test
  void takesTheLabelColumnByIndexWithoutHeader() {
    Path file = write(dir, "plain.tsv", "1\t2\t3.0\n4\t5\t6\n");

    Dataset data = CsvLoader.load(file, new CsvOptions(false, "2", '\t'), "plain");

    assertThat(data.features()).containsExactly(1, 2, 4, 5);
    assertThat(data.labels()).containsExactly(3, 6);
  }

  @Test
  void readsUnlabelledQuotedAndGzippedFiles() {
    String text = "\uFEFF\"x\";\"y; the second\"\n\" 1.5 \";\"2\"\n";
    Path file = write(dir, "quoted.csv.bin", gzip(text.getBytes(StandardCharsets.UTF_8)));

    Dataset data = CsvLoader.load(file, new CsvOptions(true, null, ';'), "quoted");

    assertThat(data.hasLabels()).isFalse();
    assertThat(data.features()).containsExactly(1.5f, 2);
  }

  @Test
  void namesLineAndColumnOfANonNumericCell() {
    Path file = write(dir, "bad.csv", "a,b,c\n1,2,3\n4,five,6\n");

    assertThatThrownBy(() -> CsvLoader.load(file, CsvOptions.unlabelled(), "bad"))
        .isInstanceOf(DataLoadException.class)
        .hasMessage(file + ": line 3, column 2 ('b'): 'five' is not a number");
  }

  @Test
  void rejectsNanAndEmptyCells() {
    Path nan = write(dir, "nan.csv", "1,NaN\n");
    Path empty = write(dir, "empty.csv", "1,,3\n");

    assertThatThrownBy(() -> CsvLoader.load(nan, new CsvOptions(false, null, ','), "x"))
        .hasMessage(nan + ": line 1, column 2: 'NaN' is not a number");
    assertThatThrownBy(() -> CsvLoader.load(empty, new CsvOptions(false, null, ','), "x"))
        .hasMessage(empty + ": line 1, column 2: empty cell, expected a number");
  }

  @Test
  void rejectsRaggedRows() {
    Path file = write(dir, "ragged.csv", "a,b,c\n1,2,3\n4,5\n");

    assertThatThrownBy(() -> CsvLoader.load(file, CsvOptions.unlabelled(), "ragged"))
        .hasMessage(file + ": line 3 has 2 cells, expected 3 like line 1; rows must not be ragged");
  }

  @Test
  void acceptsIntegralLabelsWrittenAsDecimalsButNotFractions() {
    Path ok = write(dir, "ok.csv", "x,y\n0.5,1.0\n");
    Path bad = write(dir, "bad.csv", "x,y\n0.5,1.5\n");

    assertThat(CsvLoader.load(ok, CsvOptions.labelled("y"), "ok").labels()).containsExactly(1);
    assertThatThrownBy(() -> CsvLoader.load(bad, CsvOptions.labelled("y"), "bad"))
        .hasMessage(bad + ": line 2, column 2 ('y'): label '1.5' is not an integer");
  }

  @Test
  void rejectsUnknownLabelColumnAndEmptyFiles() {
    Path file = write(dir, "data.csv", "a,b\n1,2\n");
    Path headerOnly = write(dir, "header.csv", "a,b\n\n");

    assertThatThrownBy(() -> CsvLoader.load(file, CsvOptions.labelled("class"), "x"))
        .hasMessage(file + ": label column 'class' is not in the header [a, b]");
    assertThatThrownBy(() -> CsvLoader.load(file, new CsvOptions(false, "5", ','), "x"))
        .hasMessage(file + ": label column index 5 is out of range: line 1 has 2 columns (indices 0..1)");
    assertThatThrownBy(() -> CsvLoader.load(headerOnly, CsvOptions.unlabelled(), "x"))
        .hasMessage(headerOnly + ": no data rows after the header");
  }

  @Test
  void rejectsUnbalancedQuotes() {
    Path file = write(dir, "quotes.csv", "a,b\n\"1,2\n");

    assertThatThrownBy(() -> CsvLoader.load(file, CsvOptions.unlabelled(), "x"))
        .hasMessage(file + ": line 2: unterminated quote opened at character 1");
  }

  @Test
  void validatesOptions() {
    assertThatThrownBy(() -> new CsvOptions(false, "class", ','))
        .hasMessage("labelColumn must be a 0-based column index when there is no header, found 'class'");
    assertThatThrownBy(() -> new CsvOptions(true, null, '"'))
        .hasMessageStartingWith("delimiter must not be a quote or line break");
  }
}
