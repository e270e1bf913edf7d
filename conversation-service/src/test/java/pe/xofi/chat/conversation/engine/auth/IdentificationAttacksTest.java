package pe.xofi.chat.conversation.engine.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.xofi.chat.conversation.engine.EngineFixture.NEW;
import static pe.xofi.chat.conversation.engine.EngineFixture.NOW;
import static pe.xofi.chat.conversation.engine.EngineFixture.text;
import static pe.xofi.chat.conversation.engine.EngineFixture.texts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pe.xofi.chat.conversation.engine.ConversationEngine;
import pe.xofi.chat.conversation.engine.Decision;
import pe.xofi.chat.conversation.engine.EngineFixture;
import pe.xofi.chat.conversation.engine.auth.AuthAlert.DniLocked;
import pe.xofi.chat.conversation.engine.auth.AuthAlert.DniTriedFromSeveralNumbers;
import pe.xofi.chat.conversation.engine.auth.AuthAlert.UnregisteredPhone;
import pe.xofi.chat.conversation.member.IdentificationLedger.FailedIdentification;
import pe.xofi.chat.conversation.member.Partner;
import pe.xofi.chat.conversation.member.PartnerStatus;
import pe.xofi.chat.conversation.member.inmemory.DemoMembers;
import pe.xofi.chat.conversation.member.inmemory.InMemoryIdentificationLedger.Row;
import pe.xofi.chat.conversation.state.ConversationState;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.ConversationKey;

/**
 * The attacks on identification of the security review (H1, M5), each with its safe outcome: the
 * engine with a fixed "now" over the in-memory ports.
 */
class IdentificationAttacksTest {

  private static final String AUTH_FAILED =
      """
      No pude identificarte con esos datos.
      Revisa tu DNI y tu año de nacimiento e inténtalo de nuevo, por ejemplo:
      *DNI 12345678 año 1990*""";

  private static final String UNREGISTERED_PHONE =
      """
      No pude identificarte desde este número.
      Por tu seguridad, solo puedes identificarte desde el número de WhatsApp que tienes registrado en la cooperativa. Revisa tu DNI, escríbenos desde tu número registrado o comunícate con la cooperativa para actualizarlo.""";

  private static final ConversationKey MARIA_PHONE = ConversationKey.whatsapp("51987654321");
  private static final ConversationKey JOSE_PHONE = ConversationKey.whatsapp("51912345678");
  private static final ConversationKey STRANGER = ConversationKey.whatsapp("51900000101");
  private static final ConversationKey TELEGRAM_CHAT = new ConversationKey(Channel.TELEGRAM, "700100200");

  private static final Partner SUSPENDED =
      new Partner(
          4L, "SOC-0004", "11223344", "Lucía", "Torres Rojas", LocalDate.of(1980, 7, 1), "51944455566", null, null,
          PartnerStatus.SUSPENDED);

  private final EngineFixture fixture = new EngineFixture();
  private final ConversationEngine engine = fixture.engine;

  @Test
  void shouldLockAnotherMembersDniWhenAMemberInterleavesTheirOwnIdentificationBetweenGuesses() {
    // given María's phone guesses José's birth year four at a time, identifying as herself in between
    ConversationState state = NEW;
    int message = 0;
    for (int round = 0; round < 5; round++) {
      for (int guess = 0; guess < 4; guess++) {
        int year = 1960 + round * 4 + guess;
        state = engine.decide(state, text("wamid.g" + message, "DNI 87654321 año " + year), NOW.plusSeconds(message)).state();
        message++;
      }
      state = engine.decide(state, text("wamid.g" + message, "DNI 12345678 año 1990"), NOW.plusSeconds(message)).state();
      message++;
      state = engine.decide(state, text("wamid.g" + message, "salir"), NOW.plusSeconds(message)).state();
      message++;
    }

    // when the right year comes next
    Decision right = engine.decide(state, text("wamid.right", "DNI 87654321 año 1985"), NOW.plus(Duration.ofMinutes(5)));

    // then José's DNI is locked for every number; only five of the guesses counted, the rest were refused unread
    assertThat(texts(right)).isEqualTo(List.of(AUTH_FAILED));
    assertThat(right.state().partnerId()).isNull();
    assertThat(fixture.identifications.rows())
        .isEqualTo(
            List.of(
                joseFailure("wamid.g0", NOW),
                joseFailure("wamid.g1", NOW.plusSeconds(1)),
                joseFailure("wamid.g2", NOW.plusSeconds(2)),
                joseFailure("wamid.g3", NOW.plusSeconds(3)),
                joseFailure("wamid.g6", NOW.plusSeconds(6))));
  }

  @Test
  void shouldLockADniForADayAfterTenFailuresFromTenNumbers() {
    // given ten numbers, one guess each, each made once the DNI's previous lock was over
    Instant at = NOW;
    for (int phone = 0; phone < 10; phone++) {
      ConversationKey number = ConversationKey.whatsapp("519000001" + String.format("%02d", phone));
      engine.decide(ConversationState.start(Channel.WHATSAPP), text(number, "wamid.n" + phone, "DNI 87654321 año " + (1960 + phone)), at);
      Instant until = lockOfJose();
      at = until != null && until.isAfter(at) ? until : at.plus(Duration.ofMinutes(1));
    }

    List<Row> counted = fixture.identifications.rows();
    Instant lastFailure = counted.getLast().failure().at();

    // when an eleventh number brings the right year just before the day's lock ends, and José after it
    Decision right =
        engine.decide(
            ConversationState.start(Channel.WHATSAPP),
            text(STRANGER, "wamid.right", "DNI 87654321 año 1985"),
            lastFailure.plus(Duration.ofHours(23)));
    Decision nextDay =
        engine.decide(
            ConversationState.start(Channel.WHATSAPP),
            text(JOSE_PHONE, "wamid.jose", "DNI 87654321 año 1985"),
            lastFailure.plus(Duration.ofDays(1)));

    // then
    assertThat(counted).hasSize(10);
    assertThat(lastFailure).isEqualTo(NOW.plus(Duration.ofMinutes(169)));
    assertThat(texts(right)).isEqualTo(List.of(AUTH_FAILED));
    assertThat(nextDay.state().partnerId()).isEqualTo(DemoMembers.JOSE.id());
    assertThat(fixture.identifications.rows()).isEmpty();
  }

  @Test
  void shouldAnswerAnUnknownDniAWrongYearALockedDniAndASuspendedMemberWithTheSameText() {
    // given José's DNI locked by five failures from another number, and a suspended member
    fixture.partners.add(SUSPENDED);
    for (int i = 0; i < 5; i++) {
      engine.decide(NEW, text(STRANGER, "wamid.l" + i, "DNI 87654321 año 1970"), NOW.minusSeconds(10 - i));
    }
    List<String> attempts =
        List.of("DNI 00000000 año 1990", "DNI 12345678 año 1991", "DNI 87654321 año 1985", "DNI 11223344 año 1980");

    // when
    List<String> replies = new ArrayList<>();
    for (int i = 0; i < attempts.size(); i++) {
      replies.addAll(texts(engine.decide(NEW, text("wamid.a" + i, attempts.get(i)), NOW)));
    }

    // then
    assertThat(replies).isEqualTo(List.of(AUTH_FAILED, AUTH_FAILED, AUTH_FAILED, AUTH_FAILED));
  }

  @Test
  void shouldCountAnUnknownDniOnlyOnThePhone() {
    // given
    var unknown = text("wamid.u", "DNI 00000000 año 1990");

    // when
    Decision decision = engine.decide(NEW, unknown, NOW);

    // then
    assertThat(decision.state().failedAuthAttempts()).isEqualTo(List.of(NOW));
    assertThat(fixture.identifications.rows()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = PartnerStatus.class, names = {"INACTIVE", "SUSPENDED"})
  void shouldRefuseAMemberWhoIsNotActiveEvenWithTheRightYearAndCountTheFailure(PartnerStatus status) {
    // given
    Partner member =
        new Partner(4L, "SOC-0004", "11223344", "Lucía", "Torres Rojas", LocalDate.of(1980, 7, 1), "51987654321", null, null, status);
    fixture.partners.add(member);

    // when
    Decision decision = engine.decide(NEW, text("wamid.s", "DNI 11223344 año 1980"), NOW);

    // then
    assertThat(texts(decision)).isEqualTo(List.of(AUTH_FAILED));
    assertThat(decision.state().partnerId()).isNull();
    assertThat(fixture.identifications.rows())
        .isEqualTo(List.of(new Row(4L, new FailedIdentification(EngineFixture.KEY.toString(), "wamid.s", NOW))));
  }

  @Test
  void shouldCloseTheSessionOfAMemberSuspendedDuringIt() {
    // given María's session, then her membership suspended
    Partner suspendedMaria =
        new Partner(
            9L, "SOC-0009", "99887766", "María", "Suspendida", LocalDate.of(1990, 1, 1), "51987654321", null, null,
            PartnerStatus.SUSPENDED);
    fixture.partners.add(suspendedMaria);
    ConversationState session = EngineFixture.signedIn(suspendedMaria, NOW.minusSeconds(30));

    // when
    Decision decision = engine.decide(session, text("wamid.d", "mis datos"), NOW);

    // then
    assertThat(decision.state().hasSession()).isFalse();
    assertThat(texts(decision))
        .isEqualTo(
            List.of(
                """
                Para eso primero necesito identificarte.
                Escribe tu DNI y tu año de nacimiento, por ejemplo:
                *DNI 12345678 año 1990*"""));
  }

  @Test
  void shouldForgetOnlyTheIdentifiedMembersFailuresAndThisPhonesOnSuccess() {
    // given failures for María and José from a stranger's number, and one on María's own phone
    engine.decide(NEW, text(STRANGER, "wamid.x1", "DNI 12345678 año 1970"), NOW.minusSeconds(30));
    engine.decide(NEW, text(STRANGER, "wamid.x2", "DNI 87654321 año 1970"), NOW.minusSeconds(20));
    ConversationState maria = engine.decide(NEW, text("wamid.m1", "DNI 12345678 año 1991"), NOW.minusSeconds(10)).state();

    // when
    Decision success = engine.decide(maria, text("wamid.m2", "DNI 12345678 año 1990"), NOW);

    // then
    assertThat(success.state().failedAuthAttempts()).isEmpty();
    assertThat(fixture.identifications.rows())
        .isEqualTo(List.of(new Row(2L, new FailedIdentification(STRANGER.toString(), "wamid.x2", NOW.minusSeconds(20)))));
  }

  @Test
  void shouldCountAFailureProcessedAgainAfterAnAbortedTransactionOnceAndDecideTheSame() {
    // given four failures of José's DNI, then a fifth that was decided but whose transaction aborted
    for (int i = 0; i < 4; i++) {
      engine.decide(NEW, text(STRANGER, "wamid.r" + i, "DNI 87654321 año 1970"), NOW.minusSeconds(10 - i));
    }
    var fifth = text("wamid.r4", "DNI 87654321 año 1971");
    Decision first = engine.decide(NEW, fifth, NOW);

    // when the same message is processed again from the same state
    Decision again = engine.decide(NEW, fifth, NOW);

    // then
    assertThat(again).isEqualTo(first);
    assertThat(fixture.identifications.rows()).hasSize(5);
    assertThat(again.alerts())
        .isEqualTo(
            List.of(
                new DniTriedFromSeveralNumbers(2L, 2),
                new DniLocked(2L, NOW.plus(Duration.ofMinutes(15)), 5)));
  }

  @Test
  void shouldAlertWhenADniIsTriedFromAnotherNumberButNotFromTheSameOneAgain() {
    // given a failure of José's DNI from a stranger's number
    engine.decide(NEW, text(STRANGER, "wamid.t1", "DNI 87654321 año 1970"), NOW.minusSeconds(60));

    // when
    Decision sameNumber = engine.decide(NEW, text(STRANGER, "wamid.t2", "DNI 87654321 año 1971"), NOW.minusSeconds(30));
    Decision otherNumber = engine.decide(NEW, text(MARIA_PHONE, "wamid.t3", "DNI 87654321 año 1972"), NOW);
    Decision telegram =
        engine.decide(ConversationState.start(Channel.TELEGRAM), text(TELEGRAM_CHAT, "41", "DNI 87654321 año 1973"), NOW);

    // then
    assertThat(List.of(sameNumber.alerts(), otherNumber.alerts(), telegram.alerts()))
        .isEqualTo(
            List.of(
                List.of(),
                List.of(new DniTriedFromSeveralNumbers(2L, 2)),
                List.of(new DniTriedFromSeveralNumbers(2L, 3))));
  }

  @Test
  void shouldRefuseTheRightCredentialsFromAnotherNumberWhenThePhoneBindingIsRequired() {
    // given
    EngineFixture required = new EngineFixture(AuthPolicy.defaults().withPhoneBinding(PhoneBinding.REQUIRE));

    // when
    Decision decision = required.engine.decide(NEW, text(STRANGER, "wamid.b1", "DNI 12345678 año 1990"), NOW);

    // then the year was not even compared, and nothing counts against María
    assertThat(texts(decision)).isEqualTo(List.of(UNREGISTERED_PHONE));
    assertThat(decision.state().partnerId()).isNull();
    assertThat(decision.state().failedAuthAttempts()).isEqualTo(List.of(NOW));
    assertThat(decision.alerts()).isEqualTo(List.of(new UnregisteredPhone(1L, PhoneBinding.REQUIRE)));
    assertThat(required.identifications.rows()).isEmpty();
  }

  @Test
  void shouldAnswerAnUnknownDniFromAnyNumberWithTheSameRefusalWhenThePhoneBindingIsRequired() {
    // given
    EngineFixture required = new EngineFixture(AuthPolicy.defaults().withPhoneBinding(PhoneBinding.REQUIRE));

    // when
    Decision decision = required.engine.decide(NEW, text(STRANGER, "wamid.b2", "DNI 00000000 año 1990"), NOW);

    // then
    assertThat(texts(decision)).isEqualTo(List.of(UNREGISTERED_PHONE));
    assertThat(decision.alerts()).isEmpty();
  }

  @Test
  void shouldIdentifyFromTheRegisteredNumberOrOnTelegramWhenThePhoneBindingIsRequired() {
    // given
    EngineFixture required = new EngineFixture(AuthPolicy.defaults().withPhoneBinding(PhoneBinding.REQUIRE));

    // when
    Decision whatsapp = required.engine.decide(NEW, text(MARIA_PHONE, "wamid.b3", "DNI 12345678 año 1990"), NOW);
    Decision telegram =
        required.engine.decide(ConversationState.start(Channel.TELEGRAM), text(TELEGRAM_CHAT, "42", "DNI 12345678 año 1990"), NOW);

    // then
    assertThat(List.of(whatsapp.state().partnerId(), telegram.state().partnerId())).isEqualTo(List.of(1L, 1L));
    assertThat(List.of(whatsapp.alerts(), telegram.alerts())).isEqualTo(List.of(List.of(), List.of()));
  }

  @Test
  void shouldIdentifyFromAnotherNumberAndAlertWhenThePhoneBindingWarns() {
    // given the default binding, warn

    // when
    Decision decision = engine.decide(NEW, text(STRANGER, "wamid.w", "DNI 12345678 año 1990"), NOW);

    // then
    assertThat(texts(decision)).isEqualTo(List.of(AuthTexts.welcome("María")));
    assertThat(decision.alerts()).isEqualTo(List.of(new UnregisteredPhone(1L, PhoneBinding.WARN)));
  }

  @Test
  void shouldNotAlertOnAnotherNumberWhenThePhoneBindingIsOff() {
    // given
    EngineFixture off = new EngineFixture(AuthPolicy.defaults().withPhoneBinding(PhoneBinding.OFF));

    // when
    Decision decision = off.engine.decide(NEW, text(STRANGER, "wamid.o", "DNI 12345678 año 1990"), NOW);

    // then
    assertThat(decision.state().partnerId()).isEqualTo(1L);
    assertThat(decision.alerts()).isEmpty();
  }

  @Test
  void shouldLockADniAtTheConfiguredNumberOfFailuresPerDay() {
    // given at most three failures a day per DNI
    EngineFixture strict = new EngineFixture(AuthPolicy.defaults().withDniMaxFailuresPerDay(3));
    for (int i = 0; i < 2; i++) {
      strict.engine.decide(NEW, text(STRANGER, "wamid.c" + i, "DNI 87654321 año 1970"), NOW.minusSeconds(10 - i));
    }

    // when
    Decision third = strict.engine.decide(NEW, text(JOSE_PHONE, "wamid.c2", "DNI 87654321 año 1971"), NOW);

    // then
    assertThat(third.alerts())
        .isEqualTo(List.of(new DniTriedFromSeveralNumbers(2L, 2), new DniLocked(2L, NOW.plus(Duration.ofDays(1)), 3)));
  }

  private Instant lockOfJose() {
    List<Instant> failures = fixture.identifications.rows().stream().map(row -> row.failure().at()).toList();
    return LockLadder.forDni(AuthPolicy.DEFAULT_DNI_MAX_FAILURES_PER_DAY).lockedUntil(failures);
  }

  private static Row joseFailure(String messageId, Instant at) {
    return new Row(2L, new FailedIdentification(EngineFixture.KEY.toString(), messageId, at));
  }
}
