package pe.xofi.chat.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicConfigTest {

  @Test
  void shouldKeepAuditRecordsFiveYearsWithoutCompaction() {
    // when
    Map<String, String> configs = Topics.AUDIT_EVENTS.configs();

    // then
    assertThat(configs).isEqualTo(Map.of("cleanup.policy", "delete", "retention.ms", "157852800000"));
    assertThat(Duration.ofMillis(Long.parseLong(configs.get("retention.ms")))).isGreaterThanOrEqualTo(Duration.ofDays(5 * 365 + 1));
    assertThat(Topics.ALL).contains(Topics.AUDIT_EVENTS);
  }

  @Test
  void shouldCompactNoTopicOfThePipeline() {
    assertThat(Topics.ALL).allSatisfy(topic -> assertThat(topic.configs()).containsEntry("cleanup.policy", "delete"));
  }
}
