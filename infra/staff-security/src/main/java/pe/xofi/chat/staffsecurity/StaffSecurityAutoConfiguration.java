package pe.xofi.chat.staffsecurity;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Staff security for every WebFlux service that has this module: the users of {@code
 * XOFI_STAFF_USERS}, OIDC login when {@code spring.security.oauth2.client.registration.*} is set,
 * and the one filter chain of {@link StaffWebSecurity}. It replaces Spring Boot's defaults (a
 * generated password, actuator open to the logged-in), so it is ordered before them.
 */
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
      "org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientWebSecurityAutoConfiguration"
    },
    afterName = "org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableWebFluxSecurity
@EnableConfigurationProperties(StaffSecurityProperties.class)
public class StaffSecurityAutoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(StaffSecurityAutoConfiguration.class);

  @Bean
  StaffUserDirectory staffUserDirectory(StaffSecurityProperties properties) {
    List<StaffUser> users = StaffUsers.parse(properties.users());
    if (users.isEmpty()) {
      log.warn("{} is empty: nobody can log in with a password to the staff pages ({}) or actuator",
          StaffUsers.VARIABLE, String.join(", ", properties.staffPaths()));
    } else {
      log.info("staff users: {}", users.stream().map(StaffUser::toString).toList());
    }
    return new StaffUserDirectory(users);
  }

  /** Reads {@code {bcrypt}…} (what {@link StaffUserDirectory} hands out) and any other Spring encoding id. */
  @Bean
  PasswordEncoder staffPasswordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  GrantedAuthoritiesMapper staffOidcRoles(StaffSecurityProperties properties) {
    return new OidcStaffRoles(properties.oidcRolesClaim());
  }

  @Bean
  SecurityWebFilterChain staffSecurityWebFilterChain(
      ServerHttpSecurity http,
      StaffSecurityProperties properties,
      StaffUserDirectory users,
      ObjectProvider<ReactiveClientRegistrationRepository> oidc,
      ObjectProvider<StaffAccessDeniedListener> deniedListeners,
      Environment environment) {
    return StaffWebSecurity.build(
        http,
        properties,
        !users.isEmpty(),
        Optional.ofNullable(oidc.getIfAvailable()),
        environment.getProperty("management.endpoints.web.base-path", "/actuator"),
        deniedListeners.orderedStream().toList());
  }
}
