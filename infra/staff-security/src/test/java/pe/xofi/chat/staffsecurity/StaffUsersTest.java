package pe.xofi.chat.staffsecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StaffUsersTest {

  private static final String HASH = "$2a$10$abcdefghijklmnopqrstuuZ0e8Cq8vB3b1Jq3T0wqk1yYw7b5pQ9e";

  @Test
  void shouldReadUsersWithTheirRoles() {
    // when
    List<StaffUser> users = StaffUsers.parse("ana:operator:" + HASH + ", luis:agent+operator:" + HASH);

    // then
    assertThat(users).containsExactly(
        new StaffUser("ana", Set.of(StaffRole.OPERATOR), HASH),
        new StaffUser("luis", Set.of(StaffRole.AGENT, StaffRole.OPERATOR), HASH));
  }

  @Test
  void shouldReadNoUsersFromABlankVariable() {
    assertThat(StaffUsers.parse("")).isEmpty();
    assertThat(StaffUsers.parse(null)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "ana:operator                 | XOFI_STAFF_USERS entry 1 (user ana) is malformed: expected name:roles:bcrypt-hash",
    "ana:admin:HASH               | XOFI_STAFF_USERS entry 1 (user ana) is malformed: roles are operator and/or agent joined by +",
    "ana:operator:plain-password  | XOFI_STAFF_USERS entry 1 (user ana) is malformed: the password is not a bcrypt hash ($2a$/$2b$/$2y$, 60 characters)",
    "HASH                         | XOFI_STAFF_USERS entry 1 is malformed: expected name:roles:bcrypt-hash",
    "ana:operator:HASH,ana:agent:HASH | XOFI_STAFF_USERS entry 2 (user ana) is malformed: the name is given twice",
    "ana:operator:HASH,           | XOFI_STAFF_USERS entry 2 is malformed: expected name:roles:bcrypt-hash",
    "'a n a:operator:HASH'        | XOFI_STAFF_USERS entry 1 is malformed: the name must be 1 to 64 of A-Z a-z 0-9 . _ @ -"
  })
  void shouldRefuseAMalformedEntryNamingItsPositionButNeverItsSecret(String spec, String message) {
    // given
    String variable = spec.replace("HASH", HASH);

    // when / then
    assertThatThrownBy(() -> StaffUsers.parse(variable))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message)
        .message().doesNotContain(HASH).doesNotContain("plain-password");
  }

  @Test
  void shouldLeaveTheHashOutOfToString() {
    assertThat(new StaffUser("ana", Set.of(StaffRole.OPERATOR), HASH).toString()).isEqualTo("StaffUser[name=ana, roles=[OPERATOR]]");
  }
}
