package pe.xofi.chat.bench.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchStackTest {

  @TempDir Path projectDir;

  @Test
  void shouldTakeTheWebhookSecretOfARunningStackFromTheOptionThenTheEnvironmentThenItsSecretsFile() throws IOException {
    // given
    Files.createDirectories(projectDir.resolve(".run"));
    Files.writeString(projectDir.resolve(".run/secrets.env"),
        "# comment\nWHATSAPP_APP_SECRET=meta\nWHATSAPP_WEBHOOK_SECRET=from-the-file\n");

    // when / then
    assertThat(BenchStack.webhookSecretOf(projectDir, "from-the-option", Map.of("WHATSAPP_WEBHOOK_SECRET", "env")))
        .isEqualTo("from-the-option");
    assertThat(BenchStack.webhookSecretOf(projectDir, null, Map.of("WHATSAPP_WEBHOOK_SECRET", "from-the-env")))
        .isEqualTo("from-the-env");
    assertThat(BenchStack.webhookSecretOf(projectDir, null, Map.of())).isEqualTo("from-the-file");
  }

  @Test
  void shouldRefuseToMeasureARunningStackWithoutItsWebhookSecret() {
    // when / then
    assertThatThrownBy(() -> BenchStack.webhookSecretOf(projectDir, null, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no --webhook-secret, no WHATSAPP_WEBHOOK_SECRET and no " + projectDir.resolve(".run/secrets.env")
            + " (./xofi up writes it): the ingress answers 401 without WHAPI's secret");
  }
}
