package pe.xofi.chat.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderConfigCheckTest {

  private final List<String> probed = new ArrayList<>();

  private ProviderConfigCheck.Probe answering(int status) {
    return (uri, bearer) -> {
      probed.add(uri + " " + bearer);
      return status;
    };
  }

  @Test
  void shouldPassAMetaAndTelegramConfigurationTheProvidersAccept() {
    // given
    Map<String, String> env = new java.util.HashMap<>(Map.of(
        "WHATSAPP_PROVIDER", "meta", "WHATSAPP_API_TOKEN", "tok", "WHATSAPP_PHONE_NUMBER_ID", "1065",
        "WHATSAPP_APP_SECRET", "s", "WHATSAPP_WEBHOOK_VERIFY_TOKEN", "v", "META_GRAPH_BASE_URL", "http://sandbox:8090",
        "TELEGRAM_BOT_TOKEN", "1:abc", "TELEGRAM_WEBHOOK_SECRET", "t", "TELEGRAM_API_BASE_URL", "http://sandbox:8090",
        "BASE_URL", "https://bot.xofi.pe/"));
    env.put("XOFI_WEBHOOK_PROVIDERS", "meta,telegram");

    // when
    List<ProviderConfigCheck.Line> report = new ProviderConfigCheck(env, answering(200)).run();

    // then
    assertThat(report.stream().filter(ProviderConfigCheck.Line::problem).toList()).isEmpty();
    assertThat(probed).isEqualTo(List.of("http://sandbox:8090/v21.0/1065 tok", "http://sandbox:8090/bot1:abc/getMe null"));
    assertThat(report.stream().map(ProviderConfigCheck.Line::text).filter(t -> t.contains("https://bot.xofi.pe")).toList())
        .isEqualTo(List.of(
            "  WhatsApp (WHAPI and Meta): https://bot.xofi.pe/chatbot/webhook/whatsapp/",
            "  Telegram:                  https://bot.xofi.pe/chatbot/webhook/telegram/"));
  }

  @Test
  void shouldFailWhenATokenIsMissingOrRefused() {
    // given: WHAPI by default, a refused token, no BASE_URL, the ingress serving WHAPI only
    Map<String, String> env = Map.of("WHATSAPP_API_TOKEN", "wrong", "XOFI_WEBHOOK_PROVIDERS", "whapi",
        "WHATSAPP_WEBHOOK_SECRET", "s");

    // when
    List<ProviderConfigCheck.Line> report = new ProviderConfigCheck(env, answering(401)).run();

    // then
    assertThat(problems(report))
        .isEqualTo(List.of(
            "  MISSING/FAILED  WHAPI answered 401 at https://gate.whapi.cloud: credentials refused",
            "  MISSING/FAILED  BASE_URL is missing: the public HTTPS root of the ingress, e.g. https://bot.xofi.pe"));
  }

  @Test
  void shouldRequireTheWhapiSecretWhenTheIngressServesWhapiEvenWithTheMetaAppSecretSet() {
    // given: review C1: the app secret set, the WHAPI secret forgotten
    Map<String, String> env = Map.of("WHATSAPP_API_TOKEN", "tok", "WHATSAPP_APP_SECRET", "a",
        "WHATSAPP_WEBHOOK_VERIFY_TOKEN", "v", "XOFI_WEBHOOK_PROVIDERS", "whapi,meta", "BASE_URL", "https://bot.xofi.pe");

    // when
    List<ProviderConfigCheck.Line> report = new ProviderConfigCheck(env, answering(200)).run();

    // then
    assertThat(problems(report))
        .isEqualTo(List.of(
            "  MISSING/FAILED  WHATSAPP_WEBHOOK_SECRET is missing: the ingress serves whapi (XOFI_WEBHOOK_PROVIDERS) and "
                + "refuses to start without it; WHAPI sends it as X-Webhook-Secret (openssl rand -hex 32)"));
  }

  @Test
  void shouldRequireEveryServedProvidersSecretWhenNoProviderListIsGiven() {
    // given: the README's WHAPI set-up without XOFI_WEBHOOK_PROVIDERS: the ingress serves all three
    Map<String, String> env = Map.of("WHATSAPP_API_TOKEN", "tok", "WHATSAPP_WEBHOOK_SECRET", "s", "BASE_URL", "https://bot.xofi.pe");

    // when
    List<ProviderConfigCheck.Line> report = new ProviderConfigCheck(env, answering(200)).run();

    // then
    assertThat(problems(report))
        .isEqualTo(List.of(
            "  MISSING/FAILED  WHATSAPP_APP_SECRET is missing: the ingress serves meta (XOFI_WEBHOOK_PROVIDERS) and "
                + "refuses to start without it; the Meta app secret that signs webhooks (X-Hub-Signature-256)",
            "  MISSING/FAILED  WHATSAPP_WEBHOOK_VERIFY_TOKEN is missing: the ingress serves meta (XOFI_WEBHOOK_PROVIDERS); "
                + "the Verify Token typed in the webhook settings",
            "  MISSING/FAILED  TELEGRAM_WEBHOOK_SECRET is missing: the ingress serves telegram (XOFI_WEBHOOK_PROVIDERS) and "
                + "refuses to start without it; setWebhook secret_token (1-256 of A-Z a-z 0-9 _ -)"));
  }

  @Test
  void shouldFailWhenUnauthenticatedWebhooksAreAllowed() {
    // given
    Map<String, String> env = Map.of("WHATSAPP_API_TOKEN", "tok", "XOFI_WEBHOOK_PROVIDERS", "whapi",
        "XOFI_ALLOW_UNAUTHENTICATED_WEBHOOKS", "true", "BASE_URL", "https://bot.xofi.pe");

    // when
    List<ProviderConfigCheck.Line> report = new ProviderConfigCheck(env, answering(200)).run();

    // then
    assertThat(problems(report))
        .isEqualTo(List.of(
            "  MISSING/FAILED  WHATSAPP_WEBHOOK_SECRET is missing: the ingress serves whapi (XOFI_WEBHOOK_PROVIDERS) and "
                + "refuses to start without it; WHAPI sends it as X-Webhook-Secret (openssl rand -hex 32)",
            "  MISSING/FAILED  XOFI_ALLOW_UNAUTHENTICATED_WEBHOOKS=true lets anyone post as any member; demos only"));
  }

  private static List<String> problems(List<ProviderConfigCheck.Line> report) {
    return report.stream().filter(ProviderConfigCheck.Line::problem).map(ProviderConfigCheck.Line::text).toList();
  }
}
