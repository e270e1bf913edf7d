package pe.xofi.chat.conversation.engine.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.xofi.chat.conversation.engine.EngineFixture.NEW;
import static pe.xofi.chat.conversation.engine.EngineFixture.NOW;
import static pe.xofi.chat.conversation.engine.EngineFixture.event;
import static pe.xofi.chat.conversation.engine.EngineFixture.eventTypes;
import static pe.xofi.chat.conversation.engine.EngineFixture.handled;
import static pe.xofi.chat.conversation.engine.EngineFixture.reply;
import static pe.xofi.chat.conversation.engine.EngineFixture.signedIn;
import static pe.xofi.chat.conversation.engine.EngineFixture.text;
import static pe.xofi.chat.conversation.engine.EngineFixture.texts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pe.xofi.chat.conversation.engine.ConversationEngine;
import pe.xofi.chat.conversation.engine.Decision;
import pe.xofi.chat.conversation.engine.EngineFixture;
import pe.xofi.chat.conversation.engine.Menus;
import pe.xofi.chat.conversation.engine.account.AccountTexts;
import pe.xofi.chat.conversation.member.inmemory.DemoMembers;
import pe.xofi.chat.conversation.message.InboundMessage.Unsupported;
import pe.xofi.chat.conversation.state.ConversationState;
import pe.xofi.chat.conversation.state.PendingForm.CreateTicket;
import pe.xofi.chat.schemas.events.ConversationEventType;
import pe.xofi.chat.schemas.inbound.Channel;

class AuthenticationTest {

  private static final String MARIA_WELCOME =
      """
      ¡Hola, *María*! Te identificaste correctamente.

      1. Mi información
      2. Estado de cuenta
      3. Mis préstamos
      4. Detalle de un préstamo
      5. Crear un ticket de soporte
      6. Subir un comprobante de pago

      Responde con el número de una opción, escribe *ayuda* para ver todos los comandos o *salir* para cerrar tu sesión.""";

  private static final String AUTH_FAILED =
      """
      No pude identificarte con esos datos.
      Revisa tu DNI y tu año de nacimiento e inténtalo de nuevo, por ejemplo:
      *DNI 12345678 año 1990*""";

  private static final String AUTH_REQUIRED =
      """
      Para eso primero necesito identificarte.
      Escribe tu DNI y tu año de nacimiento, por ejemplo:
      *DNI 12345678 año 1990*""";

  private static final String LOCKED_UNTIL_10_45 =
      """
      Por tu seguridad, la identificación está bloqueada hasta las 10:45 por demasiados intentos fallidos.
      Vuelve a intentarlo después de esa hora.""";

  private final ConversationEngine engine = new EngineFixture().engine;

  @Test
  void shouldWelcomeTheMemberByFirstNameWithTheMenuAfterDniAndBirthYear() {
    // given
    var credentials = text("wamid.1", "DNI 12345678 año 1990");

    // when
    Decision decision = engine.decide(NEW, credentials, NOW);

    // then
    assertThat(decision)
        .isEqualTo(
            new Decision(
                new ConversationState(
                    Channel.WHATSAPP, NOW, List.of("wamid.1"), 1L, NOW, List.of(), null, null),
                List.of(reply("wamid.1", 1, Menus.list(MARIA_WELCOME), NOW)),
                List.of(
                    event("wamid.1", ConversationEventType.AUTHENTICATED, "authenticate", NOW, Map.of("partnerId", "1")),
                    handled("wamid.1", "authenticate", 1, NOW, EngineFixture.MARIA_SESSION))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dni: 12345678 año 1990", "DNI 12345678, ano 1990", "12345678 1990", "Dni 12345678 AÑO 1990.",
        "  dni 12345678 año de nacimiento 1990 "
      })
  void shouldIdentifyWhateverTheCaseAccentsOrPunctuationOfTheCredentials(String credentials) {
    // given
    var message = text("wamid.2", credentials);

    // when
    Decision decision = engine.decide(NEW, message, NOW);

    // then
    assertThat(texts(decision)).isEqualTo(List.of(MARIA_WELCOME));
    assertThat(decision.state().partnerId()).isEqualTo(1L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"DNI 00000000 año 1900", "DNI 12345678 año 1991", "DNI 87654321 año 1990"})
  void shouldAnswerAWrongDniOrYearWithOneErrorThatDoesNotSayWhichWasWrong(String credentials) {
    // given
    var message = text("wamid.3", credentials);

    // when
    Decision decision = engine.decide(NEW, message, NOW);

    // then
    assertThat(decision)
        .isEqualTo(
            new Decision(
                new ConversationState(
                    Channel.WHATSAPP, NOW, List.of("wamid.3"), null, null, List.of(NOW), null, null),
                List.of(reply("wamid.3", 1, AUTH_FAILED, NOW)),
                List.of(
                    event("wamid.3", ConversationEventType.AUTH_FAILED, "authenticate", NOW, Map.of("attempts", "1")),
                    handled("wamid.3", "authenticate", 1, NOW, EngineFixture.NO_SESSION))));
  }

  @Test
  void shouldLockConversationForFifteenMinutesAtTheFifthFailureOfADay() {
    // given four failures in the last ten hours
    ConversationState state = NEW;
    List<Instant> failures = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      Instant at = NOW.minus(Duration.ofHours(12 - 2L * i));
      failures.add(at);
      state = engine.decide(state, text("wamid.f" + i, "DNI 00000000 año 1900"), at).state();
    }

    // when
    Decision fifth = engine.decide(state, text("wamid.f5", "DNI 00000000 año 1900"), NOW);

    // then
    Instant until = NOW.plus(Duration.ofMinutes(15));
    failures.add(NOW);
    assertThat(texts(fifth)).isEqualTo(List.of(LOCKED_UNTIL_10_45));
    assertThat(fifth.events())
        .isEqualTo(
            List.of(
                event("wamid.f5", ConversationEventType.AUTH_FAILED, "authenticate", NOW, Map.of("attempts", "5")),
                event("wamid.f5", ConversationEventType.LOCKED, "authenticate", NOW, Map.of("lockedUntil", until.toString())),
                handled("wamid.f5", "authenticate", 1, NOW, EngineFixture.NO_SESSION)));
    assertThat(fifth.state().lockedUntil()).isEqualTo(until);
    assertThat(fifth.state().failedAuthAttempts()).isEqualTo(failures);
  }

  @Test
  void shouldLockConversationLongerAtTheTenthAndFifteenthFailureOfADay() {
    // given failures of one day, each after the lock before it ended
    ConversationState state = NEW;
    Instant at = NOW;
    List<Instant> locks = new ArrayList<>();
    for (int i = 1; i <= 15; i++) {
      Decision failure = engine.decide(state, text("wamid.g" + i, "DNI 00000000 año 1900"), at);
      state = failure.state();
      if (state.lockedUntil() != null && state.lockedUntil().isAfter(at)) {
        locks.add(state.lockedUntil());
        at = state.lockedUntil();
      } else {
        at = at.plus(Duration.ofMinutes(1));
      }
    }

    // when
    List<Duration> lengths = new ArrayList<>();
    Instant previous = NOW.plus(Duration.ofMinutes(4));
    for (Instant until : locks) {
      lengths.add(Duration.between(previous, until));
      previous = until;
    }

    // then the 5th to 9th failures lock 15 minutes, the 10th to 14th an hour, the 15th a day
    Duration quarter = Duration.ofMinutes(15);
    Duration hour = Duration.ofHours(1);
    assertThat(lengths)
        .isEqualTo(List.of(quarter, quarter, quarter, quarter, quarter, hour, hour, hour, hour, hour, Duration.ofDays(1)));
  }

  @Test
  void shouldAnswerEveryAttemptWhileLockedWithTheLockedTextEvenWithTheRightCredentials() {
    // given
    ConversationState locked = lockedAt(NOW);

    // when
    Decision right = engine.decide(locked, text("wamid.r", "DNI 12345678 año 1990"), NOW.plus(Duration.ofMinutes(14)));

    // then
    assertThat(texts(right)).isEqualTo(List.of(LOCKED_UNTIL_10_45));
    assertThat(right.state().partnerId()).isNull();
    assertThat(eventTypes(right)).isEqualTo(List.of(ConversationEventType.MESSAGE_HANDLED));
  }

  @Test
  void shouldIdentifyAgainOnceTheLockIsOver() {
    // given
    ConversationState locked = lockedAt(NOW);

    // when
    Decision after = engine.decide(locked, text("wamid.a", "DNI 12345678 año 1990"), NOW.plus(Duration.ofMinutes(15)));

    // then
    assertThat(texts(after)).isEqualTo(List.of(MARIA_WELCOME));
  }

  @Test
  void shouldNotLockWhenTheFailuresAreSpreadOverMoreThanADay() {
    // given four failures, the first of them 25 hours ago
    ConversationState state = NEW;
    for (int i = 0; i < 4; i++) {
      state = engine.decide(state, text("wamid.s" + i, "DNI 00000000 año 1900"), NOW.minus(Duration.ofHours(25 - 4L * i))).state();
    }

    // when
    Decision fifth = engine.decide(state, text("wamid.s5", "DNI 00000000 año 1900"), NOW);

    // then
    assertThat(texts(fifth)).isEqualTo(List.of(AUTH_FAILED));
    assertThat(fifth.state().lockedUntil()).isNull();
    assertThat(fifth.state().failedAuthAttempts())
        .isEqualTo(List.of(NOW.minus(Duration.ofHours(21)), NOW.minus(Duration.ofHours(17)), NOW.minus(Duration.ofHours(13)), NOW));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"mis datos", "estado de cuenta", "mis préstamos", "detalle PR-1001", "crear ticket", "subir boleta"})
  void shouldTellHowToIdentifyWhenSomethingNeedsDataBeforeIdentification(String command) {
    // given
    var message = text("wamid.4", command);

    // when
    Decision decision = engine.decide(NEW, message, NOW);

    // then
    assertThat(texts(decision)).isEqualTo(List.of(AUTH_REQUIRED));
    assertThat(decision.state().pendingForm()).isNull();
  }

  @Test
  void shouldExplainTheFormatWhenTheDniIsMalformed() {
    // given
    var message = text("wamid.5", "DNI 1234 año 90");

    // when
    Decision decision = engine.decide(NEW, message, NOW);

    // then
    assertThat(texts(decision))
        .isEqualTo(
            List.of(
                """
                Para identificarte escribe tu DNI de 8 dígitos y tu año de nacimiento, por ejemplo:
                *DNI 12345678 año 1990*"""));
    assertThat(decision.state().failedAuthAttempts()).isEmpty();
  }

  @Test
  void shouldExpireTheSessionAfterThirtyMinutesWithoutMessagesAndAnswerAsUnidentified() {
    // given
    ConversationState maria =
        signedIn(DemoMembers.MARIA, NOW.minus(Duration.ofMinutes(30))).withForm(CreateTicket.start());

    // when
    Decision decision = engine.decide(maria, text("wamid.6", "mi deuda"), NOW);

    // then
    assertThat(decision)
        .isEqualTo(
            new Decision(
                new ConversationState(
                    Channel.WHATSAPP, NOW, List.of("wamid.auth", "wamid.6"), null, null, List.of(), null, null),
                List.of(
                    reply("wamid.6", 1, "Tu sesión se cerró porque pasaron 30 minutos sin mensajes.", NOW),
                    reply("wamid.6", 2, AUTH_REQUIRED, NOW)),
                List.of(
                    event("wamid.6", ConversationEventType.SESSION_EXPIRED, "account_statement", NOW, Map.of("reason", "idle")),
                    handled("wamid.6", "account_statement", 2, NOW, EngineFixture.NO_SESSION))));
  }

  @Test
  void shouldKeepTheSessionWhileMessagesComeWithinThirtyMinutes() {
    // given
    ConversationState maria = signedIn(DemoMembers.MARIA, NOW.minus(Duration.ofMinutes(29)));

    // when
    Decision decision = engine.decide(maria, text("wamid.7", "mis datos"), NOW);

    // then
    assertThat(texts(decision)).isEqualTo(List.of(AccountTexts.personalData(DemoMembers.MARIA)));
    assertThat(decision.state().partnerId()).isEqualTo(1L);
  }

  @Test
  void shouldEndTheSessionSixtyMinutesAfterIdentificationHoweverActiveTheMemberIs() {
    // given María identified an hour ago and wrote a minute ago
    ConversationState maria =
        signedIn(DemoMembers.MARIA, NOW.minus(Duration.ofMinutes(60))).afterHandling("wamid.busy", NOW.minus(Duration.ofMinutes(1)));

    // when
    Decision decision = engine.decide(maria, text("wamid.10", "mis datos"), NOW);

    // then
    assertThat(decision)
        .isEqualTo(
            new Decision(
                new ConversationState(
                    Channel.WHATSAPP, NOW, List.of("wamid.auth", "wamid.busy", "wamid.10"), null, null, List.of(), null, null),
                List.of(
                    reply("wamid.10", 1, "Por tu seguridad, tu sesión se cerró porque pasaron 60 minutos desde que te identificaste.", NOW),
                    reply("wamid.10", 2, AUTH_REQUIRED, NOW)),
                List.of(
                    event("wamid.10", ConversationEventType.SESSION_EXPIRED, "my_info", NOW, Map.of("reason", "max_lifetime")),
                    handled("wamid.10", "my_info", 2, NOW, EngineFixture.NO_SESSION))));
  }

  @Test
  void shouldEndTheSessionAtTheConfiguredLifetime() {
    // given sessions of at most 20 minutes, and María identified 20 minutes ago
    ConversationEngine shortSessions =
        new EngineFixture(AuthPolicy.defaults().withSessionMaxLifetime(Duration.ofMinutes(20))).engine;
    ConversationState maria = signedIn(DemoMembers.MARIA, NOW.minus(Duration.ofMinutes(20)));

    // when
    Decision decision = shortSessions.decide(maria, text("wamid.11", "mis datos"), NOW);

    // then
    assertThat(texts(decision))
        .isEqualTo(
            List.of(
                "Por tu seguridad, tu sesión se cerró porque pasaron 20 minutos desde que te identificaste.",
                AUTH_REQUIRED));
  }

  @ParameterizedTest
  @ValueSource(strings = {"system", "action", "revoked", "own_echo"})
  void shouldNotKeepAnIdleSessionAliveWithNoticesTheMemberDidNotWrite(String type) {
    // given María's last message 25 minutes ago, then a provider notice 10 minutes ago
    ConversationState maria = signedIn(DemoMembers.MARIA, NOW.minus(Duration.ofMinutes(25)));
    ConversationState afterNotice =
        engine.decide(maria, new Unsupported(EngineFixture.origin("wamid.notice"), type), NOW.minus(Duration.ofMinutes(10)))
            .state();

    // when
    Decision decision = engine.decide(afterNotice, text("wamid.12", "mis datos"), NOW.plus(Duration.ofMinutes(5)));

    // then
    assertThat(afterNotice.lastActivityAt()).isEqualTo(NOW.minus(Duration.ofMinutes(25)));
    assertThat(texts(decision))
        .isEqualTo(List.of("Tu sesión se cerró porque pasaron 30 minutos sin mensajes.", AUTH_REQUIRED));
  }

  @Test
  void shouldEndTheSessionOnSalir() {
    // given
    ConversationState maria = signedIn(DemoMembers.MARIA, NOW.minusSeconds(10));

    // when
    Decision salir = engine.decide(maria, text("wamid.8", "Salir"), NOW);
    Decision after = engine.decide(salir.state(), text("wamid.9", "mis datos"), NOW.plusSeconds(5));

    // then
    assertThat(texts(salir))
        .isEqualTo(
            List.of(
                """
                Cerraste tu sesión. ¡Hasta pronto!
                Para volver a identificarte escribe tu DNI y tu año de nacimiento, por ejemplo:
                *DNI 12345678 año 1990*"""));
    assertThat(salir.state().hasSession()).isFalse();
    assertThat(texts(after)).isEqualTo(List.of(AUTH_REQUIRED));
  }

  @Test
  void shouldKeepCredentialsOutOfToString() {
    // given
    Credentials credentials = Credentials.parse("DNI 12345678 año 1990").orElseThrow();

    // when
    String printed = credentials.toString();

    // then
    assertThat(printed).isEqualTo("Credentials[redacted]");
  }

  private ConversationState lockedAt(Instant at) {
    ConversationState state = NEW;
    for (int i = 1; i <= 5; i++) {
      state = engine.decide(state, text("wamid.l" + i, "DNI 00000000 año 1900"), at).state();
    }
    return state;
  }
}
