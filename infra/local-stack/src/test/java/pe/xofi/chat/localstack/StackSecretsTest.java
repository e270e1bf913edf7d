package pe.xofi.chat.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.membercrypto.MasterKeys;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCrypt;

class StackSecretsTest {

  @TempDir Path runDir;

  @Test
  void shouldGenerateEverySecretRandomlyIntoAFileOnlyItsOwnerReads() throws IOException {
    // when
    StackSecrets secrets = StackSecrets.forRun(runDir, Map.of());

    // then
    assertThat(secrets.values().keySet())
        .containsExactlyInAnyOrder("WHATSAPP_WEBHOOK_SECRET", "WHATSAPP_APP_SECRET", "TELEGRAM_WEBHOOK_SECRET",
            "WHATSAPP_WEBHOOK_VERIFY_TOKEN", "WHATSAPP_API_TOKEN", "TELEGRAM_BOT_TOKEN", "XOFI_STAFF_OPERATOR_PASSWORD",
            "XOFI_STAFF_AGENT_PASSWORD", "XOFI_DATA_KEYSET", "XOFI_STAFF_USERS");
    assertThat(secrets.get("WHATSAPP_WEBHOOK_SECRET")).matches("[0-9a-f]{48}");
    assertThat(secrets.get("WHATSAPP_APP_SECRET")).matches("[0-9a-f]{48}").isNotEqualTo(secrets.get("WHATSAPP_WEBHOOK_SECRET"));
    assertThat(secrets.get("TELEGRAM_WEBHOOK_SECRET")).matches("[0-9a-f]{48}");
    assertThat(secrets.get("TELEGRAM_BOT_TOKEN")).matches("[0-9]{10}:[A-Za-z0-9_-]{36}");
    assertThat(secrets.get("XOFI_STAFF_OPERATOR_PASSWORD")).matches("[A-Za-z0-9_-]{24}");
    assertThat(MasterKeys.fromJson(secrets.get("XOFI_DATA_KEYSET"))).isNotNull();
    assertThat(secrets.file()).isEqualTo(runDir.resolve("secrets.env"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.file()))).isEqualTo("rw-------");
    assertThat(StackSecrets.forRun(runDir.resolve("other"), Map.of()).get("WHATSAPP_WEBHOOK_SECRET"))
        .isNotEqualTo(secrets.get("WHATSAPP_WEBHOOK_SECRET"));
    assertThat(StackSecrets.forRun(runDir.resolve("other"), Map.of()).get("XOFI_DATA_KEYSET"))
        .isNotEqualTo(secrets.get("XOFI_DATA_KEYSET"));
    assertThat(StackSecrets.forRun(runDir, Map.of()).get("XOFI_DATA_KEYSET")).isEqualTo(secrets.get("XOFI_DATA_KEYSET"));
  }

  @Test
  void shouldGiveTheStaffUsersBcryptHashesOfTheirPasswords() {
    // when
    StackSecrets secrets = StackSecrets.forRun(runDir, Map.of());

    // then
    String[] users = secrets.get("XOFI_STAFF_USERS").split(",");
    assertThat(users).hasSize(2);
    assertThat(users[0]).startsWith("operador:operator:$2a$10$");
    assertThat(users[1]).startsWith("agente:agent:$2a$10$");
    assertThat(BCrypt.checkpw(secrets.get("XOFI_STAFF_OPERATOR_PASSWORD"), users[0].substring("operador:operator:".length()))).isTrue();
    assertThat(BCrypt.checkpw(secrets.get("XOFI_STAFF_AGENT_PASSWORD"), users[1].substring("agente:agent:".length()))).isTrue();
  }

  @Test
  void shouldKeepTheSameSecretsAndHashesOnTheNextStartOfTheSameRunFolder() throws IOException {
    // given
    StackSecrets first = StackSecrets.forRun(runDir, Map.of());
    String file = Files.readString(first.file());

    // when
    StackSecrets second = StackSecrets.forRun(runDir, Map.of());

    // then
    assertThat(second.values()).isEqualTo(first.values());
    assertThat(Files.readString(second.file())).isEqualTo(file);
  }

  @Test
  void shouldLetAVariableSetInTheEnvironmentWinWithoutWritingItToTheFile() throws IOException {
    // given
    StackSecrets generated = StackSecrets.forRun(runDir, Map.of());

    // when
    StackSecrets secrets = StackSecrets.forRun(runDir, Map.of(
        "WHATSAPP_WEBHOOK_SECRET", "known-by-the-script", "XOFI_STAFF_OPERATOR_PASSWORD", "operator-pw",
        "TELEGRAM_WEBHOOK_SECRET", " "));

    // then
    assertThat(secrets.get("WHATSAPP_WEBHOOK_SECRET")).isEqualTo("known-by-the-script");
    assertThat(secrets.fromEnvironment("WHATSAPP_WEBHOOK_SECRET")).isTrue();
    assertThat(secrets.get("TELEGRAM_WEBHOOK_SECRET")).isEqualTo(generated.get("TELEGRAM_WEBHOOK_SECRET"));
    assertThat(secrets.fromEnvironment("TELEGRAM_WEBHOOK_SECRET")).isFalse();
    String operator = secrets.get("XOFI_STAFF_USERS").split(",")[0].substring("operador:operator:".length());
    assertThat(BCrypt.checkpw("operator-pw", operator)).isTrue();
    assertThat(Files.readString(secrets.file())).doesNotContain("known-by-the-script").doesNotContain("operator-pw");
    assertThat(StackSecrets.forRun(runDir, Map.of()).values()).isEqualTo(generated.values());
  }

  @Test
  void shouldTakeTheStaffUsersFromTheEnvironmentAsGiven() {
    // when
    StackSecrets secrets = StackSecrets.forRun(runDir, Map.of("XOFI_STAFF_USERS", "ana:operator:$2a$10$abc"));

    // then
    assertThat(secrets.get("XOFI_STAFF_USERS")).isEqualTo("ana:operator:$2a$10$abc");
  }

  @Test
  void shouldWriteAFileBashAndDockerComposeReadAlike() throws IOException {
    // when
    StackSecrets secrets = StackSecrets.forRun(runDir, Map.of());

    // then: plain KEY=value lines, the hashes single-quoted so their $ stays literal
    assertThat(Files.readAllLines(secrets.file()).stream().filter(l -> !l.startsWith("#")))
        .containsExactly(
            "WHATSAPP_WEBHOOK_SECRET=" + secrets.get("WHATSAPP_WEBHOOK_SECRET"),
            "WHATSAPP_APP_SECRET=" + secrets.get("WHATSAPP_APP_SECRET"),
            "TELEGRAM_WEBHOOK_SECRET=" + secrets.get("TELEGRAM_WEBHOOK_SECRET"),
            "WHATSAPP_WEBHOOK_VERIFY_TOKEN=" + secrets.get("WHATSAPP_WEBHOOK_VERIFY_TOKEN"),
            "WHATSAPP_API_TOKEN=" + secrets.get("WHATSAPP_API_TOKEN"),
            "TELEGRAM_BOT_TOKEN=" + secrets.get("TELEGRAM_BOT_TOKEN"),
            "XOFI_STAFF_OPERATOR_PASSWORD=" + secrets.get("XOFI_STAFF_OPERATOR_PASSWORD"),
            "XOFI_STAFF_AGENT_PASSWORD=" + secrets.get("XOFI_STAFF_AGENT_PASSWORD"),
            "XOFI_DATA_KEYSET='" + secrets.get("XOFI_DATA_KEYSET") + "'",
            "XOFI_STAFF_USERS='" + secrets.get("XOFI_STAFF_USERS") + "'");
  }
}
