package pe.xofi.chat.staffsecurity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff login and the paths it guards ({@code xofi.staff.*}); each service maps the environment
 * variables in its {@code application.yml}.
 *
 * @param users                     {@code XOFI_STAFF_USERS}: {@code name:roles:bcrypt-hash,...}; blank: nobody logs in with a password
 * @param staffPaths                paths that need the {@code operator} role
 * @param publicPaths               paths anyone may call, without CSRF token (the ingress's webhooks)
 * @param oidcRolesClaim            {@code XOFI_STAFF_OIDC_ROLES_CLAIM}: the ID token / user-info claim holding the roles (dots walk into objects)
 * @param managementTrustedNetworks {@code XOFI_MANAGEMENT_TRUSTED_NETWORKS}: CIDRs whose callers read actuator without login
 */
@ConfigurationProperties("xofi.staff")
public record StaffSecurityProperties(
    String users,
    @DefaultValue("/ops/**") List<String> staffPaths,
    @DefaultValue List<String> publicPaths,
    @DefaultValue("roles") String oidcRolesClaim,
    @DefaultValue({"127.0.0.1/32", "::1/128"}) List<String> managementTrustedNetworks) {

  public StaffSecurityProperties {
    staffPaths = List.copyOf(staffPaths);
    publicPaths = publicPaths.stream().filter(p -> !p.isBlank()).toList();
    managementTrustedNetworks = managementTrustedNetworks.stream().map(String::trim).filter(n -> !n.isEmpty()).toList();
  }
}
