package pe.xofi.chat.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Scans the stack's log files for personal data that must never reach a log line. */
public final class LogPrivacy {

  /** The demo members' DNIs and full phone numbers, and their "DNI … año …" messages. */
  public static final List<String> PERSONAL_DATA =
      List.of("12345678", "87654321", "44556677", "51987654321", "51912345678", "51955566677", "año 1990", "año 1985", "año 1972");

  private static final Pattern NUMBER = Pattern.compile("\\d{8,}");

  private LogPrivacy() {}

  /** Every log line under {@code logs} that contains one of {@link #PERSONAL_DATA}, with its file. */
  public static List<String> leaks(Path logs) {
    return leaks(logs, Set.of());
  }

  /**
   * Every log line under {@code logs} that contains one of {@link #PERSONAL_DATA} or one of {@code
   * phones} as a whole number (the full phone numbers a load run wrote from), with its file.
   */
  public static List<String> leaks(Path logs, Set<String> phones) {
    List<String> leaks = new ArrayList<>();
    try (Stream<Path> files = Files.list(logs)) {
      for (Path file : files.filter(f -> !f.getFileName().toString().startsWith("kafka")).toList()) {
        try (Stream<String> lines = Files.lines(file)) {
          lines.filter(line -> PERSONAL_DATA.stream().anyMatch(line::contains) || holdsOneOf(line, phones))
              .forEach(line -> leaks.add(file.getFileName() + ": " + line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return leaks;
  }

  private static boolean holdsOneOf(String line, Set<String> phones) {
    if (phones.isEmpty()) {
      return false;
    }
    Matcher numbers = NUMBER.matcher(line);
    while (numbers.find()) {
      if (phones.contains(numbers.group())) {
        return true;
      }
    }
    return false;
  }
}
