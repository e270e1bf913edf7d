package pe.xofi.chat.staffsecurity;

import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Told of every request refused to a logged-in caller, before the 403 goes out (an audit trail of
 * refused transcript views, say). A failing listener is logged and does not change the answer.
 */
@FunctionalInterface
public interface StaffAccessDeniedListener {

  Mono<Void> denied(ServerWebExchange exchange, Authentication caller);
}
