package pe.xofi.chat.staffsecurity;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.authorization.HttpStatusServerAccessDeniedHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A logged-in caller without the role gets 403 with one fixed body whatever the path names (a
 * known or an unknown phone answer alike), after the {@link StaffAccessDeniedListener}s heard of it.
 */
final class StaffAccessDeniedHandler implements ServerAccessDeniedHandler {

  private static final Logger log = LoggerFactory.getLogger(StaffAccessDeniedHandler.class);

  private final List<StaffAccessDeniedListener> listeners;
  private final ServerAccessDeniedHandler forbidden = new HttpStatusServerAccessDeniedHandler(HttpStatus.FORBIDDEN);

  StaffAccessDeniedHandler(List<StaffAccessDeniedListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    return ReactiveSecurityContextHolder.getContext()
        .mapNotNull(SecurityContext::getAuthentication)
        .flatMapMany(caller -> Flux.fromIterable(listeners)
            .concatMap(listener -> listener.denied(exchange, caller)
                .onErrorResume(e -> {
                  log.warn("a listener of refused staff requests failed: {}", e.getClass().getName());
                  return Mono.empty();
                })))
        .then(Mono.defer(() -> forbidden.handle(exchange, denied)));
  }
}
