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
}
