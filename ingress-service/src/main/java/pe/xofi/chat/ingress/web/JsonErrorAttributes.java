package pe.xofi.chat.ingress.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webflux.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Errors Spring raises itself (404, 405, 415, 500) get the same {@code {"error", "status"}} body as
 * the webhook's own errors, so a provider's logs show one shape.
 */
@Component
public class JsonErrorAttributes extends DefaultErrorAttributes {

  @Override
  public Map<String, Object> getErrorAttributes(
      ServerRequest request, ErrorAttributeOptions options) {
    Map<String, Object> defaults =
        super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("error", String.valueOf(defaults.get("error")).toLowerCase(Locale.ROOT));
    attributes.put("status", defaults.get("status"));
    return attributes;
  }
}
