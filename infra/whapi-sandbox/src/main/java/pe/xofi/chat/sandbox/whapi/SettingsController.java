package pe.xofi.chat.sandbox.whapi;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import pe.xofi.chat.sandbox.SandboxProperties;

/** WHAPI's {@code GET /settings}, the harmless read {@code ./xofi verify-config} makes with the token. */
@RestController
class SettingsController {

  private final SandboxProperties properties;

  SettingsController(SandboxProperties properties) {
    this.properties = properties;
  }

  @GetMapping("/settings")
  ResponseEntity<Object> settings(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    String bearer = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring("Bearer ".length()) : null;
    if (!properties.acceptsApiToken(bearer)) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .body(WhapiError.of(HttpStatus.UNAUTHORIZED, "Need channel authorization"));
    }
    return ResponseEntity.ok(Map.of("webhooks", List.of(Map.of("url", properties.ingressUrl().toString(), "mode", "body"))));
  }
}
