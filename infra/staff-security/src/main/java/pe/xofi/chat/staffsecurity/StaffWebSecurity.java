package pe.xofi.chat.staffsecurity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.HttpBasicServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.ui.DefaultResourcesWebFilter;
import org.springframework.security.web.server.ui.LoginPageGeneratingWebFilter;
import org.springframework.security.web.server.ui.LogoutPageGeneratingWebFilter;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.MediaTypeServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The one security filter chain of a service, on its main port and its management port alike:
 * <ul>
 *   <li>{@code <actuator>/health/liveness|readiness}: anyone (status only);
 *   <li>the rest of actuator: a trusted network ({@link TrustedNetworkAuthentication}) or the {@code operator} role;
 *   <li>the service's public paths: anyone, without CSRF token (webhooks);
 *   <li>staff paths ({@code /ops/**}): the {@code operator} role, by form login, HTTP Basic or OIDC;
 *   <li>anything else: nobody.
 * </ul>
 * Without credentials a browser is sent to the login page (or straight to the only OIDC provider
 * when no password user is configured), a script gets 401.
 */
final class StaffWebSecurity {

  private static final String LOGIN = "/login";

  private StaffWebSecurity() {}

  static SecurityWebFilterChain build(
      ServerHttpSecurity http,
      StaffSecurityProperties properties,
      boolean passwordUsers,
      Optional<ReactiveClientRegistrationRepository> oidc,
      String actuatorBasePath,
      List<StaffAccessDeniedListener> deniedListeners) {
    String[] publicPaths = properties.publicPaths().toArray(String[]::new);
    String[] staffPaths = properties.staffPaths().toArray(String[]::new);
    String actuator = actuatorBasePath.endsWith("/") ? actuatorBasePath.substring(0, actuatorBasePath.length() - 1) : actuatorBasePath;
    Map<String, String> providers = providerLinks(oidc);

    ServerWebExchangeMatcher management = ServerWebExchangeMatchers.pathMatchers(actuator, actuator + "/**");
    http.addFilterBefore(new TrustedNetworkAuthentication(management, properties.managementTrustedNetworks()),
        SecurityWebFiltersOrder.ANONYMOUS_AUTHENTICATION);
    http.authorizeExchange(exchanges -> {
      exchanges.pathMatchers(actuator + "/health/liveness", actuator + "/health/readiness").permitAll();
      exchanges.matchers(management).hasAnyAuthority(StaffRole.OPERATOR.authority(), TrustedNetworkAuthentication.AUTHORITY);
      if (publicPaths.length > 0) {
        exchanges.pathMatchers(publicPaths).permitAll();
      }
      exchanges.pathMatchers(staffPaths).hasAuthority(StaffRole.OPERATOR.authority());
      exchanges.anyExchange().denyAll();
    });
    http.httpBasic(basic -> {});
    http.formLogin(form -> {});
    oidc.ifPresent(clients -> http.oauth2Login(login -> {}));
    http.logout(logout -> {});
    if (publicPaths.length > 0) {
      // a provider's webhook carries no CSRF token; every other unsafe request still needs one
      http.csrf(csrf -> csrf.requireCsrfProtectionMatcher(new AndServerWebExchangeMatcher(
          CsrfWebFilter.DEFAULT_CSRF_MATCHER,
          new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers(publicPaths)))));
    }
    http.exceptionHandling(handling -> handling
        .authenticationEntryPoint(entryPoint(passwordUsers, providers))
        .accessDeniedHandler(new StaffAccessDeniedHandler(deniedListeners)));
    // an explicit entry point turns off Spring's generated login page: add it back as Spring would
    LoginPageGeneratingWebFilter loginPage = new LoginPageGeneratingWebFilter();
    loginPage.setFormLoginEnabled(true);
    loginPage.setOauth2AuthenticationUrlToClientName(providers);
    http.addFilterAt(loginPage, SecurityWebFiltersOrder.LOGIN_PAGE_GENERATING);
    http.addFilterBefore(DefaultResourcesWebFilter.css(), SecurityWebFiltersOrder.LOGIN_PAGE_GENERATING);
    http.addFilterAt(new LogoutPageGeneratingWebFilter(), SecurityWebFiltersOrder.LOGOUT_PAGE_GENERATING);
    return http.build();
  }

  /** A fetch from the ops page gets a bare 401, a browser page the login, anything else 401 with Basic. */
  static ServerAuthenticationEntryPoint entryPoint(boolean passwordUsers, Map<String, String> providers) {
    ServerWebExchangeMatcher xhr = exchange ->
        exchange.getRequest().getHeaders().getOrEmpty("X-Requested-With").contains("XMLHttpRequest")
            ? ServerWebExchangeMatcher.MatchResult.match()
            : ServerWebExchangeMatcher.MatchResult.notMatch();
    MediaTypeServerWebExchangeMatcher html = new MediaTypeServerWebExchangeMatcher(MediaType.TEXT_HTML);
    html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
    String login = !passwordUsers && providers.size() == 1 ? providers.keySet().iterator().next() : LOGIN;
    List<DelegateEntry> entries = new ArrayList<>();
    entries.add(new DelegateEntry(xhr, new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED)));
    entries.add(new DelegateEntry(html, new RedirectServerAuthenticationEntryPoint(login)));
    DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(entries);
    entryPoint.setDefaultEntryPoint(new HttpBasicServerAuthenticationEntryPoint());
    return entryPoint;
  }

  /** {@code /oauth2/authorization/<id>} → client name of every registration, as Spring's login page lists them. */
  private static Map<String, String> providerLinks(Optional<ReactiveClientRegistrationRepository> oidc) {
    Map<String, String> links = new LinkedHashMap<>();
    oidc.ifPresent(clients -> {
      if (clients instanceof Iterable<?> registrations) {
        for (Object registration : registrations) {
          ClientRegistration client = (ClientRegistration) registration;
          links.put("/oauth2/authorization/" + client.getRegistrationId(), client.getClientName());
        }
      }
    });
    return links;
  }
}
