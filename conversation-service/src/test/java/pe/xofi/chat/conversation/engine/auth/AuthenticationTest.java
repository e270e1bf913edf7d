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
  void shouldLockConversationAfterFiveFailedAttemptsWithinFifteenMinutes() {
    // given four failures in the last ten minutes
    ConversationState state = NEW;
    for (int i = 1; i <= 4; i++) {
      state = engine.decide(state, text("wamid.f" + i, "DNI 00000000 año 1900"), NOW.minus(Duration.ofMinutes(12 - 2L * i))).state();
    }

    // when
    Decision fifth = engine.decide(state, text("wamid.f5", "DNI 00000000 año 1900"), NOW);

    // then
    Instant until = NOW.plus(Duration.ofMinutes(15));
    assertThat(texts(fifth)).isEqualTo(List.of(LOCKED_UNTIL_10_45));
    assertThat(fifth.events())
        .isEqualTo(
            List.of(
                event("wamid.f5", ConversationEventType.AUTH_FAILED, "authenticate", NOW, Map.of("attempts", "5")),
                event("wamid.f5", ConversationEventType.LOCKED, "authenticate", NOW, Map.of("lockedUntil", until.toString())),
                handled("wamid.f5", "authenticate", 1, NOW, EngineFixture.NO_SESSION)));
    assertThat(fifth.state().lockedUntil()).isEqualTo(until);
    assertThat(fifth.state().failedAuthAttempts()).isEmpty();
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
  void shouldNotLockWhenTheFailuresAreSpreadOverMoreThanFifteenMinutes() {
    // given four failures, the first of them sixteen minutes ago
    ConversationState state = NEW;
    for (int i = 0; i < 4; i++) {
      state = engine.decide(state, text("wamid.s" + i, "DNI 00000000 año 1900"), NOW.minus(Duration.ofMinutes(16 - 4L * i))).state();
    }

    // when
    Decision fifth = engine.decide(state, text("wamid.s5", "DNI 00000000 año 1900"), NOW);

    // then
    assertThat(texts(fifth)).isEqualTo(List.of(AUTH_FAILED));
    assertThat(fifth.state().lockedUntil()).isNull();
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
                    event("wamid.6", ConversationEventType.SESSION_EXPIRED, "account_statement", NOW, Map.of()),
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
