package pe.xofi.chat.staffsecurity;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.web.server.util.matcher.IpAddressServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A caller of actuator with no login whose address (the TCP peer, never a forwarded header) is
 * inside {@code XOFI_MANAGEMENT_TRUSTED_NETWORKS} is authenticated as {@code network:<address>} with
 * the authority {@value #AUTHORITY}, which reads actuator as an operator does (health details
 * included) and opens nothing else.
 */
final class TrustedNetworkAuthentication implements WebFilter {

  /** The variable the trusted networks come from, named in the startup error. */
  static final String VARIABLE = "XOFI_MANAGEMENT_TRUSTED_NETWORKS";

  /** The authority of a caller from a trusted network; {@code management.endpoint.health.roles} names it {@code TRUSTED_NETWORK}. */
  static final String AUTHORITY = "ROLE_TRUSTED_NETWORK";

  private final ServerWebExchangeMatcher actuator;
  /** Spring Security's {@code IpAddressMatcher} per network, reading the exchange's remote address. */
  private final List<IpAddressServerWebExchangeMatcher> trusted;

  TrustedNetworkAuthentication(ServerWebExchangeMatcher actuator, List<String> trustedNetworks) {
    this.actuator = actuator;
    this.trusted = trustedNetworks.stream().map(TrustedNetworkAuthentication::network).toList();
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return ReactiveSecurityContextHolder.getContext()
        .filter(context -> context.getAuthentication() != null)
        .map(context -> false)
        .switchIfEmpty(actuator.matches(exchange).filter(ServerWebExchangeMatcher.MatchResult::isMatch)
            .flatMap(match -> Flux.fromIterable(trusted).concatMap(network -> network.matches(exchange))
                .any(ServerWebExchangeMatcher.MatchResult::isMatch))
            .defaultIfEmpty(false))
        .flatMap(inside -> inside
            ? chain.filter(exchange).contextWrite(ReactiveSecurityContextHolder.withAuthentication(caller(exchange)))
            : chain.filter(exchange));
  }

  private static NetworkCaller caller(ServerWebExchange exchange) {
    var peer = exchange.getRequest().getRemoteAddress();
    return new NetworkCaller("network:" + (peer == null ? "?" : peer.getHostString()));
  }

  private static IpAddressServerWebExchangeMatcher network(String cidr) {
    try {
      return new IpAddressServerWebExchangeMatcher(cidr);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(VARIABLE + ": '" + cidr + "' is not an IP address or CIDR (e.g. 10.0.0.0/8, ::1/128)", e);
    }
  }

  /** A caller known by its network address only. */
  static final class NetworkCaller extends AbstractAuthenticationToken {

    private final String name;

    NetworkCaller(String name) {
      super(AuthorityUtils.createAuthorityList(AUTHORITY));
      this.name = name;
      setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
      return "";
    }

    @Override
    public Object getPrincipal() {
      return name;
    }
  }
}
