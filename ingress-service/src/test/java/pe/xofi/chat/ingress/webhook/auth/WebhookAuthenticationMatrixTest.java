package pe.xofi.chat.ingress.webhook.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static pe.xofi.chat.ingress.webhook.auth.WebhookAuthenticationMatrixTest.Attempt.META_AUTHENTIC;
import static pe.xofi.chat.ingress.webhook.auth.WebhookAuthenticationMatrixTest.Attempt.META_WITH_WHAPI_SECRET;
import static pe.xofi.chat.ingress.webhook.auth.WebhookAuthenticationMatrixTest.Attempt.TELEGRAM_AUTHENTIC;
import static pe.xofi.chat.ingress.webhook.auth.WebhookAuthenticationMatrixTest.Attempt.WHAPI_AUTHENTIC;
import static pe.xofi.chat.ingress.webhook.auth.WebhookAuthenticationMatrixTest.Attempt.WHAPI_BEARER;
import static pe.xofi.chat.ingress.webhook.auth.WebhookAuthenticationMatrixTest.Attempt.WHAPI_WITH_META_SIGNATURE;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.config.EnableWebFlux;
import pe.xofi.chat.ingress.publish.PendingRecord;
import pe.xofi.chat.ingress.publish.RecordingPublisher;
import pe.xofi.chat.ingress.webhook.meta.MetaPayloads;
import pe.xofi.chat.ingress.webhook.meta.MetaSignature;
import pe.xofi.chat.ingress.webhook.telegram.TelegramPayloads;
import pe.xofi.chat.ingress.webhook.telegram.TelegramWebhookController;
import pe.xofi.chat.ingress.webhook.whapi.WebhookSliceConfiguration;
import pe.xofi.chat.ingress.webhook.whapi.WhapiPayloads;
import pe.xofi.chat.ingress.webhook.whapi.WhatsAppWebhookController;

/**
 * Every secret configuration against every kind of request on both webhook paths: only a request
 * carrying the configured credential of the provider its body belongs to is answered 200 and
 * published; everything else gets 401 (or 404 where the provider is not served) and publishes
 * nothing, whichever headers it carries.
 */
class WebhookAuthenticationMatrixTest {

  static final String WHAPI_SECRET = "whapi-matrix-secret";
  static final String META_APP_SECRET = "meta-matrix-app-secret";
  static final String TELEGRAM_SECRET = "telegram-matrix-secret";

  private static final String LOCAL = "spring.profiles.active=local";
  private static final String WITH_WHAPI = "xofi.ingress.whatsapp.webhook-secret=" + WHAPI_SECRET;
  private static final String WITH_META = "xofi.ingress.whatsapp.app-secret=" + META_APP_SECRET;
  private static final String WITH_TELEGRAM = "xofi.ingress.telegram.webhook-secret=" + TELEGRAM_SECRET;

  /** A provider's webhook body, the path it is posted to and the key its one message is published under. */
  enum Body {
    WHAPI("/chatbot/webhook/whatsapp/", WhapiPayloads.HOLA_WEBHOOK, "wa:51902376744"),
    META("/chatbot/webhook/whatsapp/",
        MetaPayloads.webhook(MetaPayloads.value(
            MetaPayloads.contact("16315551181", "Kerry Fisher"), MetaPayloads.TEXT_MESSAGE)),
        "wa:16315551181"),
    TELEGRAM("/chatbot/webhook/telegram/", TelegramPayloads.TEXT_UPDATE, "tg:734561289");

    final String path;
    final String json;
    final String key;

    Body(String path, String json, String key) {
      this.path = path;
      this.json = json;
      this.key = key;
    }

    String signedBy(String appSecret) {
      return MetaSignature.header(appSecret, json.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** One request as the provider or an attacker would send it. */
  enum Attempt {
    WHAPI_AUTHENTIC(Body.WHAPI, Map.of(WhatsAppWebhookController.SECRET_HEADER, WHAPI_SECRET)),
    WHAPI_BEARER(Body.WHAPI, Map.of("Authorization", "Bearer " + WHAPI_SECRET)),
    WHAPI_UNSIGNED(Body.WHAPI, Map.of()),
    WHAPI_WRONG_SECRET(Body.WHAPI, Map.of(WhatsAppWebhookController.SECRET_HEADER, "guessed")),
    WHAPI_WRONG_BEARER(Body.WHAPI, Map.of("Authorization", "Bearer guessed")),
    WHAPI_WITH_META_SIGNATURE(Body.WHAPI, Map.of(MetaSignature.HEADER, Body.WHAPI.signedBy(META_APP_SECRET))),
    WHAPI_WITH_FORGED_META_SIGNATURE(Body.WHAPI, Map.of(MetaSignature.HEADER, Body.WHAPI.signedBy("guessed"))),
    WHAPI_WITH_TELEGRAM_TOKEN(Body.WHAPI, Map.of(TelegramWebhookController.SECRET_HEADER, TELEGRAM_SECRET)),
    META_AUTHENTIC(Body.META, Map.of(MetaSignature.HEADER, Body.META.signedBy(META_APP_SECRET))),
    META_UNSIGNED(Body.META, Map.of()),
    META_WRONG_SIGNATURE(Body.META, Map.of(MetaSignature.HEADER, Body.META.signedBy("guessed"))),
    META_WITH_WHAPI_SECRET(Body.META, Map.of(WhatsAppWebhookController.SECRET_HEADER, WHAPI_SECRET)),
    META_WITH_TELEGRAM_TOKEN(Body.META, Map.of(TelegramWebhookController.SECRET_HEADER, TELEGRAM_SECRET)),
    TELEGRAM_AUTHENTIC(Body.TELEGRAM, Map.of(TelegramWebhookController.SECRET_HEADER, TELEGRAM_SECRET)),
    TELEGRAM_UNSIGNED(Body.TELEGRAM, Map.of()),
    TELEGRAM_WRONG_TOKEN(Body.TELEGRAM, Map.of(TelegramWebhookController.SECRET_HEADER, "guessed")),
    TELEGRAM_WITH_WHAPI_SECRET(Body.TELEGRAM, Map.of(WhatsAppWebhookController.SECRET_HEADER, WHAPI_SECRET)),
    TELEGRAM_WITH_META_SIGNATURE(Body.TELEGRAM, Map.of(MetaSignature.HEADER, Body.TELEGRAM.signedBy(META_APP_SECRET)));

    final Body body;
    final Map<String, String> headers;

    Attempt(Body body, Map<String, String> headers) {
      this.body = body;
      this.headers = headers;
    }
  }

  static Stream<Arguments> configurations() {
    return Stream.of(
        arguments("WHAPI secret only", List.of(LOCAL, WITH_WHAPI),
            EnumSet.of(WHAPI_AUTHENTIC, WHAPI_BEARER), Set.of()),
        arguments("Meta app secret only", List.of(LOCAL, WITH_META),
            EnumSet.of(META_AUTHENTIC), Set.of()),
        arguments("Telegram secret only", List.of(LOCAL, WITH_TELEGRAM),
            EnumSet.of(TELEGRAM_AUTHENTIC), Set.of()),
        arguments("all secrets", List.of(WITH_WHAPI, WITH_META, WITH_TELEGRAM),
            EnumSet.of(WHAPI_AUTHENTIC, WHAPI_BEARER, META_AUTHENTIC, TELEGRAM_AUTHENTIC), Set.of()),
        arguments("no secret", List.of(LOCAL),
            Set.of(), Set.of()),
        arguments("serving WHAPI only, with its secret", List.of(WITH_WHAPI, "xofi.ingress.webhook.providers=whapi"),
            EnumSet.of(WHAPI_AUTHENTIC, WHAPI_BEARER), telegramAnd(META_WITH_WHAPI_SECRET)),
        arguments("serving Meta only, with its secret", List.of(WITH_META, "xofi.ingress.webhook.providers=meta"),
            EnumSet.of(META_AUTHENTIC), telegramAnd(WHAPI_WITH_META_SIGNATURE)),
        arguments("serving Telegram only, with its secret",
            List.of(WITH_TELEGRAM, "xofi.ingress.webhook.providers=telegram"),
            EnumSet.of(TELEGRAM_AUTHENTIC), whatsAppPath()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configurations")
  void shouldAcceptAndPublishOnlyRequestsCarryingTheConfiguredCredentialOfTheirProvider(
      String configuration, List<String> properties, Set<Attempt> authentic, Set<Attempt> notServed) {
    // given
    Map<Attempt, String> expected = new EnumMap<>(Attempt.class);
    for (Attempt attempt : Attempt.values()) {
      expected.put(attempt, authentic.contains(attempt) ? "200 [" + attempt.body.key + "]"
          : notServed.contains(attempt) ? "404 []" : "401 []");
    }

    // when
    Map<Attempt, String> outcomes = outcomes(properties);

    // then
    assertThat(outcomes).isEqualTo(expected);
  }

  @Test
  void shouldAcceptUnauthenticatedWebhooksOnlyOfTheProvidersWithoutSecretWhenExplicitlyAllowed() {
    // given: the demo flag, and a secret for WHAPI only
    Map<Attempt, String> expected = new EnumMap<>(Attempt.class);
    for (Attempt attempt : Attempt.values()) {
      boolean whapiWithoutItsSecret = attempt.body == Body.WHAPI
          && attempt != WHAPI_AUTHENTIC && attempt != WHAPI_BEARER;
      expected.put(attempt, whapiWithoutItsSecret ? "401 []" : "200 [" + attempt.body.key + "]");
    }

    // when
    Map<Attempt, String> outcomes = outcomes(
        List.of(WITH_WHAPI, "xofi.ingress.webhook.allow-unauthenticated=true"));

    // then
    assertThat(outcomes).isEqualTo(expected);
  }

  /** Each attempt's status and published keys, e.g. {@code 200 [wa:51902376744]}, under {@code properties}. */
  private static Map<Attempt, String> outcomes(List<String> properties) {
    Map<Attempt, String> outcomes = new EnumMap<>(Attempt.class);
    runner().withPropertyValues(properties.toArray(String[]::new)).run(context -> {
      assertThat(context).hasNotFailed();
      WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
      RecordingPublisher publisher = context.getBean(RecordingPublisher.class);
      for (Attempt attempt : Attempt.values()) {
        publisher.reset();
        int status = client.post().uri(attempt.body.path).contentType(MediaType.APPLICATION_JSON)
            .headers(h -> attempt.headers.forEach(h::set))
            .bodyValue(attempt.body.json.getBytes(StandardCharsets.UTF_8))
            .exchange().returnResult(byte[].class).getStatus().value();
        List<String> keys = publisher.published().stream()
            .flatMap(p -> p.records().stream()).map(PendingRecord::key).toList();
        outcomes.put(attempt, status + " " + keys);
      }
    });
    return outcomes;
  }

  /** The webhook controllers on a bare WebFlux context, each configuration in a context of its own. */
  static ReactiveWebApplicationContextRunner runner() {
    return new ReactiveWebApplicationContextRunner()
        .withUserConfiguration(
            WebFlux.class,
            WebhookSliceConfiguration.class,
            WhatsAppWebhookController.class,
            TelegramWebhookController.class);
  }

  @Configuration(proxyBeanMethods = false)
  @EnableWebFlux
  static class WebFlux {}

  /** Every attempt on the Telegram path, plus {@code other}. */
  private static Set<Attempt> telegramAnd(Attempt other) {
    Set<Attempt> attempts = EnumSet.of(other);
    Stream.of(Attempt.values()).filter(a -> a.body == Body.TELEGRAM).forEach(attempts::add);
    return attempts;
  }

  /** Every attempt on the WhatsApp path. */
  private static Set<Attempt> whatsAppPath() {
    Set<Attempt> attempts = EnumSet.noneOf(Attempt.class);
    Stream.of(Attempt.values()).filter(a -> a.body != Body.TELEGRAM).forEach(attempts::add);
    return attempts;
  }
}
