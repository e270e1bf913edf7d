package pe.xofi.chat.staffsecurity;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;

/**
 * Staff roles of an OIDC/OAuth2 login: the values of one claim ({@code XOFI_STAFF_OIDC_ROLES_CLAIM},
 * default {@code roles}; {@code realm_access.roles} walks into an object), a list or a string
 * separated by commas or spaces, that name {@code operator} or {@code agent}. Other values give no role.
 */
final class OidcStaffRoles implements GrantedAuthoritiesMapper {

  private final List<String> claimPath;

  OidcStaffRoles(String claim) {
    this.claimPath = List.of(claim.split("\\."));
  }

  @Override
  public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
    Set<GrantedAuthority> mapped = new LinkedHashSet<>(authorities);
    for (GrantedAuthority authority : authorities) {
      Map<String, Object> claims = switch (authority) {
        case OidcUserAuthority oidc -> {
          Map<String, Object> all = new HashMap<>(oidc.getIdToken().getClaims());
          if (oidc.getUserInfo() != null) {
            all.putAll(oidc.getUserInfo().getClaims());
          }
          yield all;
        }
        case OAuth2UserAuthority user -> user.getAttributes();
        default -> Map.of();
      };
      roles(claims).forEach(role -> mapped.add(new SimpleGrantedAuthority(role.authority())));
    }
    return mapped;
  }

  Set<StaffRole> roles(Map<String, Object> claims) {
    Object value = claims;
    for (String step : claimPath) {
      value = value instanceof Map<?, ?> map ? map.get(step) : null;
    }
    Stream<String> names = switch (value) {
      case Collection<?> list -> list.stream().map(String::valueOf);
      case String text -> Stream.of(text.split("[,\\s]+"));
      case null, default -> Stream.empty();
    };
    Set<StaffRole> roles = new LinkedHashSet<>();
    names.filter(n -> !n.isBlank()).forEach(n -> StaffRole.named(n).ifPresent(roles::add));
    return roles;
  }
}
