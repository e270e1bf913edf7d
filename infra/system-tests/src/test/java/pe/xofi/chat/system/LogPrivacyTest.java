package pe.xofi.chat.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogPrivacyTest {

  @Test
  void shouldReportEveryServiceLogLineWithADemoDniOrPhone(@TempDir Path logs) throws IOException {
    // given
    Files.writeString(logs.resolve("conversation-service.log"), "handled wa:*******4321\nauth for DNI 12345678 failed\n");
    Files.writeString(logs.resolve("outbound-service.log"), "sent to 51987654321\n");
    Files.writeString(logs.resolve("kafka.log"), "segment 12345678 rolled\n");

    // when
    List<String> leaks = LogPrivacy.leaks(logs);

    // then: the broker's own log is not ours to police (offsets look like DNIs)
    assertThat(leaks)
        .containsExactlyInAnyOrder(
            "conversation-service.log: auth for DNI 12345678 failed", "outbound-service.log: sent to 51987654321");
  }

  @Test
  void shouldReportLinesWithAFullPhoneOfTheLoadButNotAMaskedOneOrALongerNumber(@TempDir Path logs) throws IOException {
    // given
    Files.writeString(
        logs.resolve("ingress-service.log"),
        "webhook from wa:*******0042\nwebhook from 51801200042 accepted\noffset 5180120004299 committed\n");

    // when
    List<String> leaks = LogPrivacy.leaks(logs, Set.of("51801200042"));

    // then
    assertThat(leaks).containsExactly("ingress-service.log: webhook from 51801200042 accepted");
  }
}
