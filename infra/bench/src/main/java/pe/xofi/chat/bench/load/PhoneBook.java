package pe.xofi.chat.bench.load;

import java.util.List;

/**
 * The distinct phones of a run: every fifth phone writes as one of the three demo members (their
 * DNI and birth year), the rest are unknown numbers whose owners try wrong credentials. Phones are
 * WhatsApp numbers {@code 5197xxxxxxx} that no demo member has.
 */
public record PhoneBook(int size) {

  /** A demo member of {@code db/demo/demo-data.sql}: DNI and birth year. */
  public record DemoMember(String dni, int birthYear) {}

  static final List<DemoMember> DEMO_MEMBERS =
      List.of(new DemoMember("12345678", 1990), new DemoMember("87654321", 1985), new DemoMember("44556677", 1972));

  public PhoneBook {
    if (size < 1 || size > 10_000_000) {
      throw new IllegalArgumentException("between 1 and 10,000,000 phones: " + size);
    }
  }

  /** The phone digits of phone {@code n} (0-based). */
  public String phone(int n) {
    return "5197" + String.format("%07d", n);
  }

  /** The demo member phone {@code n} writes as, or null for an unknown number. */
  public DemoMember memberOf(int n) {
    return n % 5 == 0 ? DEMO_MEMBERS.get((n / 5) % DEMO_MEMBERS.size()) : null;
  }
}
