package pe.xofi.chat.staffsecurity;

import java.util.Objects;
import java.util.Set;

/**
 * One staff login from {@code XOFI_STAFF_USERS}.
 *
 * @param name         the login name
 * @param roles        at least one role
 * @param passwordHash the bcrypt hash of the password; never logged ({@link #toString()} leaves it out)
 */
public record StaffUser(String name, Set<StaffRole> roles, String passwordHash) {

  public StaffUser {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(passwordHash, "passwordHash");
    roles = Set.copyOf(roles);
  }

  @Override
  public String toString() {
    return "StaffUser[name=" + name + ", roles=" + roles + "]";
  }
}
