package pe.xofi.chat.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpBannerTest {

  @TempDir Path projectDir;

  @Test
  void shouldTellWhereTheSecretsAreHowStaffLogInAndHowToPostAWebhookWithTheSecret() {
    // given
    StackConfig config = StackConfig.defaults(projectDir, null);
    LocalStack stack = new LocalStack(config);
    String secret = stack.secrets().get("WHATSAPP_WEBHOOK_SECRET");
    String operator = stack.secrets().get("XOFI_STAFF_OPERATOR_PASSWORD");
    String agent = stack.secrets().get("XOFI_STAFF_AGENT_PASSWORD");

    // when
    String banner = UpBanner.of(stack, 46_500);

    // then
    assertThat(banner.lines().map(String::strip))
        .contains(
            "Ops transcripts (staff login)   http://localhost:8081/ops/",
            "Actuator (this machine only)    http://127.0.0.1:8180/actuator, http://127.0.0.1:8181/actuator, http://127.0.0.1:8182/actuator",
            "Secrets of this run             " + projectDir.resolve(".run/secrets.env") + " (mode 0600; delete it for new ones)",
            "Staff users                     operador / " + operator + " (operator)   agente / " + agent + " (agent)",
            "-H 'X-Webhook-Secret: " + secret + "' \\",
            "curl -s -u 'operador:" + operator + "' http://localhost:8081/ops/conversations/51902376744");
  }
}
