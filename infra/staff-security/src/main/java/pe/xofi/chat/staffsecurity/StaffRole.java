package pe.xofi.chat.staffsecurity;

import java.util.Locale;
import java.util.Optional;

/** What a staff member may do: an operator reads transcripts, lag, dead letters and actuator; an agent answers members. */
public enum StaffRole {
  OPERATOR,
  AGENT;

  /** The Spring Security authority of this role ({@code ROLE_OPERATOR}). */
  public String authority() {
    return "ROLE_" + name();
  }

  /** The role named {@code text} ({@code operator}, {@code OPERATOR} or {@code ROLE_OPERATOR}), if it is one. */
  public static Optional<StaffRole> named(String text) {
    String name = text.trim().toUpperCase(Locale.ROOT);
    if (name.startsWith("ROLE_")) {
      name = name.substring("ROLE_".length());
    }
    for (StaffRole role : values()) {
      if (role.name().equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  /** The role's name as configured and audited ({@code operator}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
