package pe.xofi.chat.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A fixed clock for exact timestamps, and JSON trees for whole-value comparisons. */
@TestConfiguration(proxyBeanMethods = false)
public class SandboxTestSupport {

  /** 2025-01-15T15:00:00Z, as WHAPI writes it: epoch seconds. */
  public static final long NOW = 1736953200L;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Bean
  @Primary
  Clock fixedClock() {
    return Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
  }

  /** Parses JSON written with single quotes for readability. */
  public static JsonNode json(String singleQuoted) {
    return JSON.readTree(singleQuoted.replace('\'', '"'));
  }

  public static JsonNode json(byte[] body) {
    return JSON.readTree(body);
  }
}
