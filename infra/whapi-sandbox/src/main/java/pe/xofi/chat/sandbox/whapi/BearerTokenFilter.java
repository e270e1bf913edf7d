package pe.xofi.chat.sandbox.whapi;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import pe.xofi.chat.sandbox.SandboxProperties;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * WHAPI answers 401 to any API call (sends and media downloads) without the channel's token, given
 * as {@code Authorization: Bearer <token>} or as the {@code token} query parameter; the sandbox's
 * own endpoints stay open.
 */
@Component
class BearerTokenFilter implements WebFilter {

  private final SandboxProperties properties;
  private final JsonMapper json;

  BearerTokenFilter(SandboxProperties properties, JsonMapper json) {
    this.properties = properties;
    this.json = json;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    boolean api = path.startsWith("/messages/") || path.startsWith("/media/");
    if (!api || authorized(exchange)) {
      return chain.filter(exchange);
    }
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(HttpStatus.UNAUTHORIZED);
    response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
    byte[] body =
        json.writeValueAsString(WhapiError.of(HttpStatus.UNAUTHORIZED, "Need channel authorization"))
            .getBytes(StandardCharsets.UTF_8);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }

  private boolean authorized(ServerWebExchange exchange) {
    String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    String query = exchange.getRequest().getQueryParams().getFirst("token");
    String bearer = header != null && header.startsWith("Bearer ") ? header.substring("Bearer ".length()) : null;
    return properties.acceptsApiToken(bearer) || properties.acceptsApiToken(query);
  }
}
