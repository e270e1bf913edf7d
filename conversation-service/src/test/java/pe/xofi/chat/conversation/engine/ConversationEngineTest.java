package pe.xofi.chat.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import java.util.stream.IntStream;
import pe.xofi.chat.conversation.engine.account.AccountTexts;
import pe.xofi.chat.conversation.engine.receipt.ReceiptTexts;
import pe.xofi.chat.conversation.engine.ticket.TicketTexts;
import pe.xofi.chat.conversation.member.inmemory.DemoMembers;
import pe.xofi.chat.conversation.message.InboundMessage;
import pe.xofi.chat.conversation.message.InboundMessage.ButtonReply;
import pe.xofi.chat.conversation.message.InboundMessage.Text;
import pe.xofi.chat.conversation.message.InboundMessage.Unsupported;
import pe.xofi.chat.conversation.message.MessageOrigin;
import pe.xofi.chat.conversation.state.ConversationState;
import pe.xofi.chat.schemas.events.ConversationEvent;
import pe.xofi.chat.schemas.events.ConversationEventType;
import pe.xofi.chat.schemas.events.ConversationSnapshot;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

class ConversationEngineTest {

  private static final Instant NOW = EngineFixture.NOW;
  private static final ConversationKey KEY = EngineFixture.KEY;
  private static final ConversationState NEW = EngineFixture.NEW;

  private final EngineFixture fixture = new EngineFixture();
  private final ConversationEngine engine = fixture.engine;

  @Test
  void shouldAnswerGreetingWithWelcomeMenu() {
    // given
    InboundMessage hola = new Text(origin("wamid.1"), "Hola");

    // when
    Decision decision = engine.decide(NEW, hola, NOW);

    // then
    assertThat(decision)
        .isEqualTo(
            new Decision(
                new ConversationState(Channel.WHATSAPP, NOW, List.of("wamid.1")),
                List.of(reply("wamid.1", 1, Menus.list(BotTexts.WELCOME))),
                List.of(handled("wamid.1", "greeting", 1).withSnapshot(EngineFixture.NO_SESSION))));
  }

  @Test
  void shouldAnswerAyudaWithCommandList() {
    // given
    InboundMessage ayuda = new Text(origin("wamid.2"), "Ayuda");

    // when
    Decision decision = engine.decide(NEW, ayuda, NOW);

    // then
    assertThat(decision.replies()).isEqualTo(List.of(reply("wamid.2", 1, Menus.list(BotTexts.HELP))));
    assertThat(decision.events()).isEqualTo(List.of(handled("wamid.2", "help", 1).withSnapshot(EngineFixture.NO_SESSION)));
  }

  @Test
  void shouldExplainHowToAuthenticateInTheCommandList() {
    // given
    InboundMessage help = new Text(origin("wamid.3"), "help");

    // when
    Decision decision = engine.decide(NEW, help, NOW);

    // then
    assertThat(decision.replies().getFirst().content().fallbackText())
        .isEqualTo(
            """
            *Comandos disponibles*

            *Para identificarte*
            • *DNI 12345678 año 1990*: tu DNI y tu año de nacimiento

            *Con tu sesión iniciada*
            • *Mi información* o *Mis datos*: tus datos personales
            • *Estado de cuenta* o *Mi deuda*: el resumen de tus deudas
            • *Mis préstamos* o *Listar créditos*: todos tus préstamos
            • *Detalle de préstamo [ID]*: el detalle de un préstamo
            • *Crear ticket* o *Soporte*: abre un ticket de soporte
            • *Subir boleta* o *Comprobante*: cómo enviar tu comprobante de pago
            • *Cancelar*: abandona el ticket o el comprobante en curso
            • *Salir*: cierra tu sesión

            *Siempre*
            • *Hola*: el menú de opciones (responde con su número)
            • *Ayuda*: esta lista de comandos
            • *Adiós* o *Chao*: terminar la conversación""");
  }

  @Test
  void shouldAnswerUnknownTextWithFallbackPointingToHelp() {
    // given
    InboundMessage gibberish = new Text(origin("wamid.4"), "quiero algo raro");

    // when
    Decision decision = engine.decide(NEW, gibberish, NOW);

    // then
    assertThat(decision.replies()).isEqualTo(List.of(reply("wamid.4", 1, BotTexts.FALLBACK)));
    assertThat(decision.events()).isEqualTo(List.of(handled("wamid.4", "unknown", 1).withSnapshot(EngineFixture.NO_SESSION)));
    assertThat(BotTexts.FALLBACK)
        .isEqualTo("No entendí tu mensaje.\nEscribe *ayuda* para ver los comandos disponibles.");
  }

  @Test
  void shouldSayGoodbyeToAdios() {
    // given
    InboundMessage adios = new Text(origin("wamid.5"), "Adiós!");

    // when
    Decision decision = engine.decide(NEW, adios, NOW);

    // then
    assertThat(decision.replies()).isEqualTo(List.of(reply("wamid.5", 1, BotTexts.FAREWELL)));
  }

  @Test
  void shouldDropARepeatedMessageIdWithoutReply() {
    // given
    ConversationState afterFirst = engine.decide(NEW, new Text(origin("wamid.6"), "Hola"), NOW).state();
    InboundMessage retry = new Text(origin("wamid.6"), "Hola");

    // when
    Decision decision = engine.decide(afterFirst, retry, NOW.plusSeconds(30));

    // then
    assertThat(decision)
        .isEqualTo(
            new Decision(
                afterFirst,
                List.of(),
                List.of(
                    new ConversationEvent(
                        "wamid.6/DUPLICATE_DROPPED",
                        KEY.toString(),
                        ConversationEventType.DUPLICATE_DROPPED,
                        "wamid.6",
                        null,
                        NOW.plusSeconds(30),
                        0,
                        Map.of()))));
  }

  @Test
  void shouldTakeNowFromTheMessageNotTheClock() {
    // given
    Instant longAgo = Instant.parse("2020-01-15T08:00:00Z");

    // when
    Decision decision = engine.decide(NEW, new Text(origin("wamid.7"), "hola"), longAgo);

    // then
    assertThat(decision.replies().getFirst().createdAt()).isEqualTo(longAgo);
    assertThat(decision.events().getFirst().at()).isEqualTo(longAgo);
    assertThat(decision.state().lastActivityAt()).isEqualTo(longAgo);
  }

  @Test
  void shouldGiveTheSameDecisionWhenTheSameMessageIsReplayed() {
    // given
    InboundMessage hola = new Text(origin("wamid.8"), "Buenos días");

    // when
    Decision first = engine.decide(NEW, hola, NOW);
    Decision replayed = engine.decide(NEW, hola, NOW);

    // then
    assertThat(replayed).isEqualTo(first);
  }

  @Test
  void shouldIgnoreTheBotsOwnEcho() {
    // given
    InboundMessage echo = new Unsupported(origin("wamid.9"), Unsupported.OWN_ECHO);

    // when
    Decision decision = engine.decide(NEW, echo, NOW);

    // then
    assertThat(decision.replies()).isEmpty();
    assertThat(decision.events()).isEqualTo(List.of(handled("wamid.9", "ignored", 0)));
  }

  @Test
  void shouldSayOnlyTextAndReceiptsAreReadForAVoiceNoteAStickerOrALocation() {
    // given
    List<InboundMessage> others =
        List.of(
            new Unsupported(origin("wamid.10"), "voice"),
            new Unsupported(origin("wamid.10b"), "sticker"),
            new Unsupported(origin("wamid.10c"), "location"));

    // when
    List<OutboundMessage> replies =
        others.stream().flatMap(message -> engine.decide(NEW, message, NOW).replies().stream()).toList();

    // then
    assertThat(replies)
        .isEqualTo(
            List.of(
                reply("wamid.10", 1, BotTexts.UNSUPPORTED),
                reply("wamid.10b", 1, BotTexts.UNSUPPORTED),
                reply("wamid.10c", 1, BotTexts.UNSUPPORTED)));
    assertThat(BotTexts.UNSUPPORTED)
        .isEqualTo(
            """
            Por ahora solo puedo leer mensajes de texto y comprobantes de pago (foto o PDF).
            Escribe *ayuda* para ver los comandos disponibles.""");
  }

  @Test
  void shouldReadAButtonReplyIdAsACommand() {
    // given
    InboundMessage tap = new ButtonReply(origin("wamid.12"), "ayuda", "Ver comandos");

    // when
    Decision decision = engine.decide(NEW, tap, NOW);

    // then
    assertThat(decision.replies()).isEqualTo(List.of(reply("wamid.12", 1, Menus.list(BotTexts.HELP))));
  }

  @Test
  void shouldRecordTheHandlingTimeGivenByTheAdapter() {
    // given
    Decision decision = engine.decide(NEW, new Text(origin("wamid.13"), "hola"), NOW);

    // when
    Decision timed = decision.withHandlingMicros(412);

    // then
    assertThat(timed.events().getFirst().handlingMicros()).isEqualTo(412);
    assertThat(timed.replies()).isEqualTo(decision.replies());
  }

  @Test
  void shouldAnswerTheWelcomeWithTheNumberedMenuBeforeIdentification() {
    // given
    InboundMessage buenasNoches = new Text(origin("wamid.20"), "Buenas noches");

    // when
    Decision decision = engine.decide(NEW, buenasNoches, NOW);

    // then
    assertThat(EngineFixture.texts(decision))
        .isEqualTo(
            List.of(
                """
                ¡Hola! Soy el asistente virtual de *Xofi Recaudo*.

                Puedo ayudarte con:
                1. Mi información
                2. Estado de cuenta
                3. Mis préstamos
                4. Detalle de un préstamo
                5. Crear un ticket de soporte
                6. Subir un comprobante de pago

                Para empezar, identifícate con tu DNI y tu año de nacimiento, por ejemplo:
                *DNI 12345678 año 1990*

                Escribe *ayuda* para ver todos los comandos."""));
  }

  @Test
  void shouldGreetAnIdentifiedMemberByFirstNameWithTheMenu() {
    // given
    ConversationState maria = EngineFixture.signedIn(DemoMembers.MARIA, NOW.minusSeconds(60));

    // when
    Decision decision = engine.decide(maria, new Text(origin("wamid.21"), "hola"), NOW);

    // then
    assertThat(EngineFixture.texts(decision))
        .isEqualTo(
            List.of(
                """
                ¡Hola, *María*! ¿En qué te puedo ayudar hoy?

                1. Mi información
                2. Estado de cuenta
                3. Mis préstamos
                4. Detalle de un préstamo
                5. Crear un ticket de soporte
                6. Subir un comprobante de pago

                Responde con el número de una opción, escribe *ayuda* para ver todos los comandos o *salir* para cerrar tu sesión."""));
  }

  @Test
  void shouldAnswerAQuestionMarkWithTheCommandList() {
    // given
    InboundMessage question = new Text(origin("wamid.22"), " ? ");

    // when
    Decision decision = engine.decide(NEW, question, NOW);

    // then
    assertThat(decision.replies()).isEqualTo(List.of(reply("wamid.22", 1, Menus.list(BotTexts.HELP))));
  }

  @Test
  void shouldTakeMenuNumbersAsShortcutsForTheMenuItems() {
    // given
    ConversationState maria = EngineFixture.signedIn(DemoMembers.MARIA, NOW.minusSeconds(60));

    // when
    List<String> answers =
        IntStream.rangeClosed(1, 6)
            .mapToObj(n -> firstText(maria, "wamid.n" + n, Integer.toString(n)))
            .toList();

    // then
    assertThat(answers)
        .isEqualTo(
            List.of(
                AccountTexts.personalData(DemoMembers.MARIA),
                firstText(maria, "wamid.s", "estado de cuenta"),
                firstText(maria, "wamid.l", "mis préstamos"),
                """
                ¿De qué préstamo quieres el detalle? Tus préstamos: *PR-1001*, *PR-1002*.
                Escribe por ejemplo *detalle PR-1001*.""",
                TicketTexts.ASK_SUBJECT,
                ReceiptTexts.INSTRUCTIONS));
  }

  @Test
  void shouldAnswerAMenuNumberBeforeIdentificationWithHowToIdentify() {
    // given
    InboundMessage two = new Text(origin("wamid.23"), "2");

    // when
    Decision decision = engine.decide(NEW, two, NOW);

    // then
    assertThat(EngineFixture.texts(decision))
        .isEqualTo(
            List.of(
                """
                Para eso primero necesito identificarte.
                Escribe tu DNI y tu año de nacimiento, por ejemplo:
                *DNI 12345678 año 1990*"""));
  }

  @Test
  void shouldSayThereIsNothingToCancelWithoutAForm() {
    // given
    InboundMessage cancelar = new Text(origin("wamid.24"), "Cancelar");

    // when
    Decision decision = engine.decide(NEW, cancelar, NOW);

    // then
    assertThat(EngineFixture.texts(decision))
        .isEqualTo(List.of("No tienes ningún trámite en curso.\nEscribe *ayuda* para ver los comandos disponibles."));
  }

  @Test
  void shouldCarryTheOperatorsViewAfterTheMessageOnItsHandledFact() {
    // given
    ConversationState maria = EngineFixture.signedIn(DemoMembers.MARIA, NOW.minusSeconds(60));

    // when
    Decision decision = engine.decide(maria, new Text(origin("wamid.25"), "crear ticket"), NOW);

    // then: the projector writes it to agent_conversation; the engine itself writes nothing
    assertThat(decision.events().getLast())
        .isEqualTo(
            handled("wamid.25", "create_ticket", 1)
                .withSnapshot(
                    new ConversationSnapshot(1L, true, null, Map.of("pending_action", "create_ticket", "step", "subject"))));
  }

  @Test
  void shouldCarryNoSnapshotForADroppedDuplicate() {
    // given
    ConversationState afterFirst = engine.decide(NEW, new Text(origin("wamid.26"), "DNI 12345678 año 1990"), NOW).state();

    // when
    Decision duplicate =
        engine.decide(afterFirst.withoutSession(), new Text(origin("wamid.26"), "DNI 12345678 año 1990"), NOW.plusSeconds(5));

    // then: the operators' view stays as the first handling left it
    assertThat(duplicate.events()).extracting(ConversationEvent::snapshot).containsOnlyNulls();
  }

  private String firstText(ConversationState state, String messageId, String body) {
    return EngineFixture.texts(engine.decide(state, new Text(origin(messageId), body), NOW)).getFirst();
  }

  private static MessageOrigin origin(String messageId) {
    return new MessageOrigin(messageId, KEY, Channel.WHATSAPP, Provider.WHAPI);
  }

  private static OutboundMessage reply(String inboundId, int n, String text) {
    return reply(inboundId, n, new OutboundContent.Text(text));
  }

  private static OutboundMessage reply(String inboundId, int n, OutboundContent content) {
    return new OutboundMessage(
        inboundId + "#" + n,
        Channel.WHATSAPP,
        Provider.WHAPI,
        "wa:51987654321",
        "51987654321",
        content,
        inboundId,
        NOW);
  }

  private static ConversationEvent handled(String inboundId, String intent, int replies) {
    return new ConversationEvent(
        inboundId + "/MESSAGE_HANDLED",
        "wa:51987654321",
        ConversationEventType.MESSAGE_HANDLED,
        inboundId,
        intent,
        NOW,
        0,
        Map.of("replies", Integer.toString(replies)));
  }
}
