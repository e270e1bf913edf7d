package pe.xofi.chat.staffsecurity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code XOFI_STAFF_USERS}: comma-separated entries {@code name:roles:bcrypt-hash}, roles
 * joined by {@code +} from {@code operator} and {@code agent}. A malformed entry is refused with its
 * position (and name when readable), never with its hash.
 */
public final class StaffUsers {

  /** The variable the users come from, named in every message. */
  public static final String VARIABLE = "XOFI_STAFF_USERS";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  /** Spring's BCrypt format: $2a$, $2b$ or $2y$, two-digit cost, 53 characters of salt and hash. */
  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

  private StaffUsers() {}

  /** The users of {@code spec} in order; none for a blank one. */
  public static List<StaffUser> parse(String spec) {
    List<StaffUser> users = new ArrayList<>();
    if (spec == null || spec.isBlank()) {
      return users;
    }
    Set<String> names = new HashSet<>();
    String[] entries = spec.split(",", -1);
    for (int i = 0; i < entries.length; i++) {
      StaffUser user = entry(i + 1, entries[i].trim());
      if (!names.add(user.name())) {
        throw malformed(i + 1, Optional.of(user.name()), "the name is given twice");
      }
      users.add(user);
    }
    return users;
  }

  private static StaffUser entry(int position, String entry) {
    String[] parts = entry.split(":", -1);
    Optional<String> name = parts.length > 0 && NAME.matcher(parts[0]).matches() ? Optional.of(parts[0]) : Optional.empty();
    if (parts.length != 3) {
      throw malformed(position, name, "expected name:roles:bcrypt-hash");
    }
    if (name.isEmpty()) {
      throw malformed(position, name, "the name must be 1 to 64 of A-Z a-z 0-9 . _ @ -");
    }
    Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
    for (String role : parts[1].split("\\+", -1)) {
      roles.add(StaffRole.named(role).orElseThrow(() -> malformed(position, name, "roles are operator and/or agent joined by +")));
    }
    if (!BCRYPT.matcher(parts[2]).matches()) {
      throw malformed(position, name, "the password is not a bcrypt hash ($2a$/$2b$/$2y$, 60 characters)");
    }
    return new StaffUser(name.get(), roles, parts[2]);
  }

  private static IllegalArgumentException malformed(int position, Optional<String> name, String problem) {
    return new IllegalArgumentException(
        VARIABLE + " entry " + position + name.map(n -> " (user " + n + ")").orElse("") + " is malformed: " + problem);
  }
}
