package pe.xofi.chat.bench.report;

import java.util.List;

/** The result table in Markdown. */
public final class MarkdownTable {

  private MarkdownTable() {}

  public static String of(List<Figure> figures) {
    StringBuilder out = new StringBuilder("| figure | value | goal | anchor | ratio | result |\n|---|---|---|---|---|---|\n");
    for (Figure f : figures) {
      out.append("| ").append(cell(f.name())).append(" | ").append(cell(f.value())).append(" | ").append(cell(f.goal()))
          .append(" | ").append(cell(f.anchor())).append(" | ").append(cell(f.ratio())).append(" | ")
          .append(switch (f.verdict()) {
            case PASS -> "pass";
            case FAIL -> "**fail**";
            case INFO -> "info";
            case SKIPPED -> "skipped";
          })
          .append(" |\n");
    }
    return out.toString();
  }

  private static String cell(String s) {
    return s == null || s.isBlank() ? "–" : s.replace("|", "\\|");
  }
}
