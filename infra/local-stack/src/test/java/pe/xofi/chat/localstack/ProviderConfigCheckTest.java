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
    Map<String, String> env = Map.of(
        "WHATSAPP_PROVIDER", "meta", "WHATSAPP_API_TOKEN", "tok", "WHATSAPP_PHONE_NUMBER_ID", "1065",
        "WHATSAPP_APP_SECRET", "s", "WHATSAPP_WEBHOOK_VERIFY_TOKEN", "v", "META_GRAPH_BASE_URL", "http://sandbox:8090",
        "TELEGRAM_BOT_TOKEN", "1:abc", "TELEGRAM_WEBHOOK_SECRET", "t", "TELEGRAM_API_BASE_URL", "http://sandbox:8090",
        "BASE_URL", "https://bot.xofi.pe/");

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
    // given: WHAPI by default, a refused token, no BASE_URL
    Map<String, String> env = Map.of("WHATSAPP_API_TOKEN", "wrong");

    // when
    List<ProviderConfigCheck.Line> report = new ProviderConfigCheck(env, answering(401)).run();

    // then
    assertThat(report.stream().filter(ProviderConfigCheck.Line::problem).map(ProviderConfigCheck.Line::text).toList())
        .isEqualTo(List.of(
            "  MISSING/FAILED  WHAPI answered 401 at https://gate.whapi.cloud: credentials refused",
            "  MISSING/FAILED  BASE_URL is missing: the public HTTPS root of the ingress, e.g. https://bot.xofi.pe"));
  }
}
