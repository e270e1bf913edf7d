package pe.xofi.chat.schemas;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the contract, configured the same for every producer and consumer. */
public final class Json {

  /**
   * Readers tolerate unknown properties so that a newer producer does not break an older consumer;
   * instants are written as ISO-8601 strings.
   */
  public static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private Json() {}
}
