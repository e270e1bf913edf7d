package pe.xofi.chat.staffsecurity;

import java.util.List;
import org.springframework.security.authorization.AuthorityReactiveAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.IpAddressServerWebExchangeMatcher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Actuator beyond the probes: granted to a caller whose address (the TCP peer, never a forwarded
 * header) is inside one of the trusted networks, else only to a logged-in operator.
 */
final class ManagementAccess implements ReactiveAuthorizationManager<AuthorizationContext> {

  /** The variable the trusted networks come from, named in the startup error. */
  static final String VARIABLE = "XOFI_MANAGEMENT_TRUSTED_NETWORKS";

  /** Spring Security's {@code IpAddressMatcher} per network, reading the exchange's remote address. */
  private final List<IpAddressServerWebExchangeMatcher> trusted;
  private final ReactiveAuthorizationManager<AuthorizationContext> operator =
      AuthorityReactiveAuthorizationManager.hasAuthority(StaffRole.OPERATOR.authority());

  ManagementAccess(List<String> trustedNetworks) {
    this.trusted = trustedNetworks.stream().map(ManagementAccess::network).toList();
  }

  @Override
  public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
    return Flux.fromIterable(trusted)
        .concatMap(network -> network.matches(context.getExchange()))
        .any(ServerWebExchangeMatcher.MatchResult::isMatch)
        .flatMap(inside -> inside
            ? Mono.<AuthorizationResult>just(new AuthorizationDecision(true))
            : operator.authorize(authentication, context));
  }

  private static IpAddressServerWebExchangeMatcher network(String cidr) {
    try {
      return new IpAddressServerWebExchangeMatcher(cidr);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(VARIABLE + ": '" + cidr + "' is not an IP address or CIDR (e.g. 10.0.0.0/8, ::1/128)", e);
    }
  }
}
