package pe.xofi.chat.localstack;

import java.util.Map;

/**
 * The credentials the local stack gives every process when the user sets none: the sandbox checks
 * them exactly as the real providers would, so the signature and secret-token paths run in demos too.
 */
final class SandboxSecrets {

  private SandboxSecrets() {}

  static Map<String, String> defaults() {
    return Map.of(
        "WHATSAPP_PHONE_NUMBER_ID", "100000000000001",
        "WHATSAPP_APP_SECRET", "sandbox-app-secret",
        "TELEGRAM_BOT_TOKEN", "123456:sandbox-telegram-token",
        "TELEGRAM_WEBHOOK_SECRET", "sandbox-telegram-secret");
  }
}
