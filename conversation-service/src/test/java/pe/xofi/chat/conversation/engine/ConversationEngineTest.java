package pe.xofi.chat.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.message.InboundMessage;
import pe.xofi.chat.conversation.message.InboundMessage.ButtonReply;
import pe.xofi.chat.conversation.message.InboundMessage.Media;
import pe.xofi.chat.conversation.message.InboundMessage.MediaKind;
import pe.xofi.chat.conversation.message.InboundMessage.Text;
import pe.xofi.chat.conversation.message.InboundMessage.Unsupported;
import pe.xofi.chat.conversation.message.MessageOrigin;
import pe.xofi.chat.conversation.state.ConversationState;
import pe.xofi.chat.schemas.events.ConversationEvent;
import pe.xofi.chat.schemas.events.ConversationEventType;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundMessage;

class ConversationEngineTest {

  private static final Instant NOW = Instant.parse("2026-11-24T10:15:30.123Z");
  private static final ConversationKey KEY = ConversationKey.whatsapp("51987654321");
  private static final ConversationState NEW = ConversationState.start(Channel.WHATSAPP);

  private final ConversationEngine engine = new ConversationEngine(new IntentDetector());

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
                List.of(reply("wamid.1", 1, BotTexts.WELCOME)),
                List.of(handled("wamid.1", "greeting", 1))));
  }

  @Test
  void shouldAnswerAyudaWithCommandList() {
    // given
    InboundMessage ayuda = new Text(origin("wamid.2"), "Ayuda");

    // when
    Decision decision = engine.decide(NEW, ayuda, NOW);

    // then
    assertThat(decision.replies()).isEqualTo(List.of(reply("wamid.2", 1, BotTexts.HELP)));
    assertThat(decision.events()).isEqualTo(List.of(handled("wamid.2", "help", 1)));
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

            *Siempre*
            • *Hola*: el menú de opciones
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
    assertThat(decision.events()).isEqualTo(List.of(handled("wamid.4", "unknown", 1)));
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
  void shouldSayOnlyTextIsReadForAVoiceNoteOrAMediaFile() {
    // given
    InboundMessage voice = new Unsupported(origin("wamid.10"), "voice");
    InboundMessage photo =
        new Media(origin("wamid.11"), MediaKind.IMAGE, "jpeg-1", "image/jpeg", "Monto: 500", null);

    // when
    Decision voiceDecision = engine.decide(NEW, voice, NOW);
    Decision photoDecision = engine.decide(NEW, photo, NOW);

    // then
    assertThat(voiceDecision.replies()).isEqualTo(List.of(reply("wamid.10", 1, BotTexts.UNSUPPORTED)));
    assertThat(photoDecision.replies()).isEqualTo(List.of(reply("wamid.11", 1, BotTexts.UNSUPPORTED)));
  }

  @Test
  void shouldReadAButtonReplyIdAsACommand() {
    // given
    InboundMessage tap = new ButtonReply(origin("wamid.12"), "ayuda", "Ver comandos");

    // when
    Decision decision = engine.decide(NEW, tap, NOW);

    // then
    assertThat(decision.replies()).isEqualTo(List.of(reply("wamid.12", 1, BotTexts.HELP)));
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

  private static MessageOrigin origin(String messageId) {
    return new MessageOrigin(messageId, KEY, Channel.WHATSAPP, Provider.WHAPI);
  }

  private static OutboundMessage reply(String inboundId, int n, String text) {
    return new OutboundMessage(
        inboundId + "#" + n,
        Channel.WHATSAPP,
        Provider.WHAPI,
        "wa:51987654321",
        "51987654321",
        new OutboundContent.Text(text),
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
