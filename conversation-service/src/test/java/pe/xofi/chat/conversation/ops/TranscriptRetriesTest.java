package pe.xofi.chat.conversation.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOffExecution;

class TranscriptRetriesTest {

  @Test
  void shouldRetryAProjectionThatMetADatabaseOutageForeverWithGrowingWaitsUpToThirtySeconds() {
    // given
    BackOffExecution execution = TranscriptRetries.backOff().start();

    // when: an outage far longer than spring-kafka's default 10 quick tries
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      waits.add(execution.nextBackOff());
    }

    // then
    assertThat(waits.subList(0, 8)).containsExactly(500L, 1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L);
    assertThat(waits).doesNotContain(BackOffExecution.STOP).allMatch(w -> w <= 30_000L);
  }
}
