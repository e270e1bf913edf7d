package pe.xofi.chat.conversation.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.ProcessingHandlerResponse;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.member.MemberDataUnavailableException;
import pe.xofi.chat.conversation.metrics.ConversationMetrics;

class ProcessingFailureHandlerTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ProcessingFailureHandler handler = new ProcessingFailureHandler();
  private final ErrorHandlerContext context = mock(ErrorHandlerContext.class);
  private final Record<String, String> record = new Record<>("wa:51987654321", "value", 0L);

  ProcessingFailureHandlerTest() {
    handler.configure(Map.of(ConversationMetrics.CONFIG_KEY, new ConversationMetrics(registry)));
  }

  @Test
  void shouldFailTheTaskWhenTheMemberDataIsUnavailable() {
    // given
    Exception outage = new MemberDataUnavailableException("timeout", null);
    Exception wrapped = new StreamsException(new MemberDataUnavailableException("timeout", null));

    // when
    ProcessingHandlerResponse direct = handler.handle(context, record, outage);
    ProcessingHandlerResponse nested = handler.handle(context, record, wrapped);

    // then
    assertThat(direct).isEqualTo(ProcessingHandlerResponse.FAIL);
    assertThat(nested).isEqualTo(ProcessingHandlerResponse.FAIL);
  }

  @Test
  void shouldLogAndSkipAnyOtherFailure() {
    // given
    Exception bug = new IllegalStateException("bug");

    // when
    ProcessingHandlerResponse response = handler.handle(context, record, bug);

    // then
    assertThat(response).isEqualTo(ProcessingHandlerResponse.CONTINUE);
    assertThat(registry.get("xofi.conversation.failures").tag("stage", "processing").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void shouldReplaceADeadStreamThreadSoItsTasksResumeFromTheLastCommit() {
    // given
    ReplaceThreadOnFailure uncaught = new ReplaceThreadOnFailure();

    // when
    StreamThreadExceptionResponse response =
        uncaught.handle(new StreamsException(new MemberDataUnavailableException("timeout", null)));

    // then
    assertThat(response).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
  }
}
