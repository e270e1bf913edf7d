package pe.xofi.chat.staffsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

class OidcStaffRolesTest {

  @Test
  void shouldMapTheRolesClaimOfTheIdTokenToStaffAuthorities() {
    // given
    OidcIdToken token = new OidcIdToken("t", Instant.now(), Instant.now().plusSeconds(60),
        Map.of("sub", "ana", "roles", List.of("operator", "auditor")));

    // when
    var authorities = new OidcStaffRoles("roles").mapAuthorities(List.of(new OidcUserAuthority(token)));

    // then
    assertThat(authorities).extracting(GrantedAuthority::getAuthority).containsExactly("OIDC_USER", "ROLE_OPERATOR");
  }

  @Test
  void shouldWalkIntoObjectsAndSplitAStringClaim() {
    // given
    var roles = new OidcStaffRoles("realm_access.roles");

    // when / then
    assertThat(roles.roles(Map.of("realm_access", Map.of("roles", List.of("AGENT", "ROLE_OPERATOR")))))
        .containsExactly(StaffRole.AGENT, StaffRole.OPERATOR);
    assertThat(new OidcStaffRoles("groups").roles(Map.of("groups", "agent, operator")))
        .isEqualTo(Set.of(StaffRole.AGENT, StaffRole.OPERATOR));
  }

  @Test
  void shouldGiveNoRoleWithoutTheClaim() {
    assertThat(new OidcStaffRoles("roles").roles(Map.of("sub", "ana"))).isEmpty();
    assertThat(new OidcStaffRoles("realm_access.roles").roles(Map.of("realm_access", "x"))).isEmpty();
  }
}
