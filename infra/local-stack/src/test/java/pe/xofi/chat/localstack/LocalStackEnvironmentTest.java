package pe.xofi.chat.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackEnvironmentTest {

  @TempDir Path projectDir;

  @Test
  void shouldGiveEachServiceItsManagementPortTheLocalProfileAndTheRunsSecrets() {
    // given
    StackConfig config = StackConfig.defaults(projectDir, null);
    LocalStack stack = new LocalStack(config);

    // when
    Map<String, String> ingress = stack.environmentOf(ServiceModule.INGRESS);
    Map<String, String> conversation = stack.environmentOf(ServiceModule.CONVERSATION);
    Map<String, String> outbound = stack.environmentOf(ServiceModule.OUTBOUND);
    Map<String, String> sandbox = stack.environmentOf(ServiceModule.SANDBOX);

    // then
    assertThat(ingress).containsEntry("PORT", "8080").containsEntry("MANAGEMENT_SERVER_PORT", "8180")
        .containsEntry("SPRING_PROFILES_ACTIVE", "local");
    assertThat(conversation).containsEntry("PORT", "8081").containsEntry("MANAGEMENT_SERVER_PORT", "8181");
    assertThat(outbound).containsEntry("PORT", "8082").containsEntry("MANAGEMENT_SERVER_PORT", "8182");
    assertThat(sandbox).containsEntry("PORT", "8090").doesNotContainKey("MANAGEMENT_SERVER_PORT");
    for (Map<String, String> env : java.util.List.of(ingress, conversation, outbound, sandbox)) {
      assertThat(env).containsAllEntriesOf(stack.secrets());
      assertThat(env.values()).noneMatch(v -> v.contains("sandbox-"));
    }
    assertThat(stack.secrets().keySet()).contains("WHATSAPP_WEBHOOK_SECRET", "XOFI_STAFF_USERS");
    assertThat(config.secretsFile()).exists();
    assertThat(ServiceModule.INGRESS.healthUrl(config)).isEqualTo("http://127.0.0.1:8180/actuator/health/readiness");
    assertThat(ServiceModule.SANDBOX.healthUrl(config)).isEqualTo("http://127.0.0.1:8090/actuator/health/readiness");
  }

  @Test
  void shouldTakeASecretAwayFromEveryProcessWhenTheStacksEnvironmentBlanksIt() {
    // given
    StackConfig config = StackConfig.onFreePorts(projectDir, projectDir.resolve("run"), null, Map.of("WHATSAPP_WEBHOOK_SECRET", ""));
    LocalStack stack = new LocalStack(config);

    // when
    Map<String, String> sandbox = stack.environmentOf(ServiceModule.SANDBOX);

    // then
    assertThat(sandbox).containsEntry("WHATSAPP_WEBHOOK_SECRET", "");
    assertThat(stack.secrets()).doesNotContainKey("WHATSAPP_WEBHOOK_SECRET");
  }
}
