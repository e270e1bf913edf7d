package pe.xofi.chat.sandbox.fault;

import java.util.Optional;
import pe.xofi.chat.sandbox.whapi.WhapiError;
import tools.jackson.databind.JsonNode;

/**
 * Decides whether a valid send fails the way WHAPI sometimes does (429, 500, ...) instead of being
 * accepted; the place where fault knobs plug in.
 */
public interface SendFaults {

  /** The error to answer instead of accepting {@code request} on the {@code type} endpoint, if any. */
  Optional<WhapiError> failureFor(String type, JsonNode request);

  /** The whole fault for {@code request}: the error plus its {@code Retry-After} and delay, if any. */
  default Optional<SendFault> faultFor(String type, JsonNode request) {
    return failureFor(type, request).map(SendFault::of);
  }
}
