package pe.xofi.chat.ingress.webhook.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.ingress.webhook.auth.WebhookDecision.Accepted;
import pe.xofi.chat.ingress.webhook.auth.WebhookDecision.NotServed;
import pe.xofi.chat.ingress.webhook.auth.WebhookDecision.Unauthenticated;
import pe.xofi.chat.ingress.webhook.meta.MetaSignature;
import pe.xofi.chat.schemas.inbound.Provider;

class WebhookAuthenticatorTest {

  private static final Set<Provider> ALL = EnumSet.allOf(Provider.class);
  private static final byte[] BODY = "{\"object\":\"whatsapp_business_account\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void shouldRefuseAForgedMetaSignatureBeforeReadingTheBodyWhenNoAppSecretIsConfigured() {
    // given: the README's WHAPI-only set-up (C1 of the 2026-12-01 review)
    WebhookAuthenticator authenticator = WebhookAuthenticator.of(ALL, false, "whapi-s3cret", null, null);

    // when
    Optional<WebhookDecision.Refused> decision = authenticator.whatsAppBeforeBody(
        new WhatsAppCredentials(null, null, MetaSignature.header("guessed", BODY)));

    // then
    assertThat(decision).contains(new Unauthenticated(Provider.META));
  }

  @Test
  void shouldReadTheBodyOfASignedRequestWhenAnAppSecretIsConfigured() {
    // given
    WebhookAuthenticator authenticator = WebhookAuthenticator.of(ALL, false, null, "app-s3cret", null);

    // when
    Optional<WebhookDecision.Refused> decision = authenticator.whatsAppBeforeBody(
        new WhatsAppCredentials(null, null, MetaSignature.header("guessed", BODY)));

    // then
    assertThat(decision).isEmpty();
  }

  @Test
  void shouldAuthenticateTheBodyAsMetaOnlyWhenItsSignatureMatchesTheseBytes() {
    // given
    WebhookAuthenticator authenticator = WebhookAuthenticator.of(ALL, false, "whapi-s3cret", "app-s3cret", null);
    String signature = MetaSignature.header("app-s3cret", BODY);

    // when
    List<Set<Provider>> authenticated = List.of(
        authenticator.whatsAppAuthenticated(new WhatsAppCredentials(null, null, signature), BODY),
        authenticator.whatsAppAuthenticated(
            new WhatsAppCredentials(null, null, signature), "{\"object\":\"other\"}".getBytes(StandardCharsets.UTF_8)),
        authenticator.whatsAppAuthenticated(new WhatsAppCredentials("whapi-s3cret", null, null), BODY));

    // then
    assertThat(authenticated).isEqualTo(List.of(
        EnumSet.of(Provider.META), EnumSet.noneOf(Provider.class), EnumSet.of(Provider.WHAPI)));
  }

  @Test
  void shouldAcceptABodyOnlyAsTheProviderItsShapeBelongsTo() {
    // given
    WebhookAuthenticator authenticator = WebhookAuthenticator.of(ALL, false, "whapi-s3cret", "app-s3cret", null);

    // when
    List<WebhookDecision> decisions = List.of(
        authenticator.whatsApp(EnumSet.of(Provider.WHAPI), Provider.META),
        authenticator.whatsApp(EnumSet.of(Provider.META), Provider.WHAPI),
        authenticator.whatsApp(EnumSet.of(Provider.META), Provider.META),
        authenticator.whatsApp(EnumSet.of(Provider.WHAPI), Provider.WHAPI));

    // then
    assertThat(decisions).isEqualTo(List.of(
        new Unauthenticated(Provider.META),
        new Unauthenticated(Provider.WHAPI),
        new Accepted(Provider.META),
        new Accepted(Provider.WHAPI)));
  }

  @Test
  void shouldAnswerNotServedForAProviderLeftOutOfTheServedSet() {
    // given
    WebhookAuthenticator authenticator =
        WebhookAuthenticator.of(EnumSet.of(Provider.WHAPI), false, "whapi-s3cret", null, null);

    // when
    List<Object> decisions = List.of(
        authenticator.whatsApp(EnumSet.of(Provider.WHAPI), Provider.META),
        authenticator.telegram("anything"));

    // then
    assertThat(decisions).isEqualTo(List.of(new NotServed(), new NotServed()));
  }

  @Test
  void shouldAcceptTelegramOnlyWithItsSecretTokenAndRefuseItWithoutOne() {
    // given
    WebhookAuthenticator configured = WebhookAuthenticator.of(ALL, false, null, null, "tg-s3cret");
    WebhookAuthenticator unconfigured = WebhookAuthenticator.of(ALL, false, null, null, null);

    // when
    List<WebhookDecision> decisions = List.of(
        configured.telegram("tg-s3cret"),
        configured.telegram("guessed"),
        configured.telegram(null),
        unconfigured.telegram(null),
        unconfigured.telegram(""));

    // then
    Unauthenticated refused = new Unauthenticated(Provider.TELEGRAM);
    assertThat(decisions).isEqualTo(List.of(new Accepted(Provider.TELEGRAM), refused, refused, refused, refused));
  }

  @Test
  void shouldLetTheAllowFlagOpenOnlyTheProvidersWithoutSecret() {
    // given
    WebhookAuthenticator authenticator = WebhookAuthenticator.of(ALL, true, "whapi-s3cret", null, null);
    WhatsAppCredentials none = new WhatsAppCredentials(null, null, null);

    // when
    Set<Provider> authenticated = authenticator.whatsAppAuthenticated(none, BODY);
    List<WebhookDecision> decisions = List.of(
        authenticator.whatsApp(authenticated, Provider.META),
        authenticator.whatsApp(authenticated, Provider.WHAPI),
        authenticator.telegram(null));

    // then
    assertThat(decisions).isEqualTo(List.of(
        new Accepted(Provider.META), new Unauthenticated(Provider.WHAPI), new Accepted(Provider.TELEGRAM)));
  }

  @Test
  void shouldNameTheMissingSecretsOfServedProvidersOnlyOutsideTheLocalProfileAndWithoutTheAllowFlag() {
    // given
    Set<Provider> whapiAndTelegram = EnumSet.of(Provider.WHAPI, Provider.TELEGRAM);

    // when
    List<List<String>> missing = List.of(
        WebhookAuthenticator.of(ALL, false, null, null, null).secretsMissingToStart(false),
        WebhookAuthenticator.of(whapiAndTelegram, false, "whapi-s3cret", null, null).secretsMissingToStart(false),
        WebhookAuthenticator.of(ALL, false, null, null, null).secretsMissingToStart(true),
        WebhookAuthenticator.of(ALL, true, null, null, null).secretsMissingToStart(false),
        WebhookAuthenticator.of(ALL, false, "a", "b", "c").secretsMissingToStart(false));

    // then
    assertThat(missing).isEqualTo(List.of(
        List.of("WHATSAPP_WEBHOOK_SECRET", "WHATSAPP_APP_SECRET", "TELEGRAM_WEBHOOK_SECRET"),
        List.of("TELEGRAM_WEBHOOK_SECRET"),
        List.of(),
        List.of(),
        List.of()));
  }

  @Test
  void shouldDescribeEachProvidersAccessForHealth() {
    // given
    WebhookAuthenticator authenticator = WebhookAuthenticator.of(
        EnumSet.of(Provider.WHAPI, Provider.META), false, "whapi-s3cret", " ", "tg-s3cret");

    // when
    String description = authenticator.describe().toString();

    // then
    assertThat(description)
        .isEqualTo("{whapi=authenticated, meta=refused(no secret), telegram=not served}");
  }
}
