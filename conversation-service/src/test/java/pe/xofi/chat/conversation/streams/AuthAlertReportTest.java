package pe.xofi.chat.conversation.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import pe.xofi.chat.conversation.engine.auth.AuthAlert.DniLocked;
import pe.xofi.chat.conversation.engine.auth.AuthAlert.DniTriedFromSeveralNumbers;
import pe.xofi.chat.conversation.engine.auth.AuthAlert.UnregisteredPhone;
import pe.xofi.chat.conversation.engine.auth.PhoneBinding;
import pe.xofi.chat.conversation.metrics.ConversationMetrics;
import pe.xofi.chat.schemas.inbound.ConversationKey;

@ExtendWith(OutputCaptureExtension.class)
class AuthAlertReportTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AuthAlertReport report = new AuthAlertReport(new ConversationMetrics(registry));

  @Test
  void shouldCountEachAlertAndLogItWithThePartnerIdAndTheNumberMasked(CapturedOutput output) {
    // given
    ConversationKey key = ConversationKey.whatsapp("51900000101");

    // when
    report.report(
        List.of(
            new DniTriedFromSeveralNumbers(2L, 3),
            new DniLocked(2L, Instant.parse("2026-11-24T15:45:00Z"), 5),
            new UnregisteredPhone(1L, PhoneBinding.WARN),
            new UnregisteredPhone(1L, PhoneBinding.REQUIRE)),
        key);

    // then
    assertThat(
            Map.of(
                "multiple", registry.counter("xofi.auth.dni.multiple.phones").count(),
                "locked", registry.counter("xofi.auth.dni.locked").count(),
                "warn", registry.counter("xofi.auth.unregistered.phone", "binding", "warn").count(),
                "require", registry.counter("xofi.auth.unregistered.phone", "binding", "require").count()))
        .isEqualTo(Map.of("multiple", 1.0, "locked", 1.0, "warn", 1.0, "require", 1.0));
    assertThat(output.getOut().lines().filter(line -> line.contains("AuthAlertReport")).map(AuthAlertReportTest::message))
        .containsExactly(
            "DNI of partner 2 tried from 3 conversations within a day, now from wa:*******0101",
            "DNI of partner 2 locked until 2026-11-24T15:45:00Z after 5 failures within a day, the last from wa:*******0101",
            "partner 1 identified from wa:*******0101, not the registered phone (phone binding WARN)",
            "partner 1 refused identification from wa:*******0101, not the registered phone (phone binding REQUIRE)");
    assertThat(output.getAll()).doesNotContain("51900000101");
  }

  /** The message of a log line: what follows the logger's name and its separator (" -- " or " : "). */
  private static String message(String line) {
    return line.replaceFirst("^.*AuthAlertReport\\s*(--|:)\\s*", "").strip();
  }
}
