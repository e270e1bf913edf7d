package pe.xofi.chat.conversation.engine.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.xofi.chat.conversation.engine.EngineFixture.NOW;
import static pe.xofi.chat.conversation.engine.EngineFixture.event;
import static pe.xofi.chat.conversation.engine.EngineFixture.handled;
import static pe.xofi.chat.conversation.engine.EngineFixture.signedIn;
import static pe.xofi.chat.conversation.engine.EngineFixture.text;
import static pe.xofi.chat.conversation.engine.EngineFixture.texts;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.engine.Decision;
import pe.xofi.chat.conversation.engine.EngineFixture;
import pe.xofi.chat.conversation.member.SourceMessage;
import pe.xofi.chat.conversation.member.inmemory.DemoMembers;
import pe.xofi.chat.conversation.member.inmemory.InMemoryTicketDesk.OpenedTicket;
import pe.xofi.chat.conversation.state.ConversationState;
import pe.xofi.chat.conversation.state.PendingForm.CreateTicket;
import pe.xofi.chat.conversation.state.PendingForm.TicketStep;
import pe.xofi.chat.schemas.events.ConversationEventType;
import pe.xofi.chat.schemas.inbound.Channel;

class TicketFormTest {

  private final EngineFixture fixture = new EngineFixture();
  private final ConversationState maria = signedIn(DemoMembers.MARIA, NOW.minusSeconds(60));

  @Test
  void shouldOpenATicketInThreeStepsAndAnswerWithItsNumber() {
    // given
    Decision start = fixture.engine.decide(maria, text("wamid.1", "crear ticket"), NOW);
    Decision subject = fixture.engine.decide(start.state(), text("wamid.2", "Problema con pago"), NOW.plusSeconds(20));

    // when
    Decision description =
        fixture.engine.decide(subject.state(), text("wamid.3", "No puedo pagar mi cuota"), NOW.plusSeconds(60));

    // then
    assertThat(List.of(texts(start), texts(subject), texts(description)))
        .isEqualTo(
            List.of(
                List.of(
                    """
                    Vamos a crear un ticket de soporte.
                    Escribe el *asunto* en una línea, por ejemplo: *Problema con pago*.
                    Escribe *cancelar* para salir."""),
                List.of(
                    """
                    Asunto: *Problema con pago*
                    Ahora describe tu consulta o problema con el mayor detalle posible.
                    Escribe *cancelar* para salir."""),
                List.of(
                    """
                    Creamos tu ticket *TK-000001*: Problema con pago.
                    Un asesor te responderá por este medio. Guarda el número para tus consultas.""")));
    assertThat(List.of(start.state().pendingForm(), subject.state().pendingForm()))
        .isEqualTo(List.of(CreateTicket.start(), new CreateTicket(TicketStep.DESCRIPTION, "Problema con pago")));
    assertThat(description.state().pendingForm()).isNull();
    assertThat(description.events())
        .isEqualTo(
            List.of(
                event("wamid.3", ConversationEventType.TICKET_CREATED, "create_ticket", NOW.plusSeconds(60), Map.of("ticket", "TK-000001")),
                handled("wamid.3", "create_ticket", 1, NOW.plusSeconds(60), EngineFixture.MARIA_SESSION)));
    assertThat(fixture.tickets.opened())
        .isEqualTo(
            List.of(
                new OpenedTicket(
                    "TK-000001", 1L, "Problema con pago", "No puedo pagar mi cuota", Channel.WHATSAPP,
                    new SourceMessage(EngineFixture.KEY, "wamid.3"))));
  }

  @Test
  void shouldKeepNoDniOrBirthYearTypedIntoATicket() {
    // given: the member types her credentials into the subject and the description
    Decision start = fixture.engine.decide(maria, text("wamid.1", "crear ticket"), NOW);
    Decision subject = fixture.engine.decide(start.state(), text("wamid.2", "DNI 12345678 año 1990"), NOW.plusSeconds(20));

    // when
    Decision description =
        fixture.engine.decide(subject.state(), text("wamid.3", "mi dni es 12345678 y nací en 1990"), NOW.plusSeconds(60));

    // then: neither the state, the echo nor the stored ticket keeps them
    assertThat(subject.state().pendingForm()).isEqualTo(new CreateTicket(TicketStep.DESCRIPTION, "DNI ******** año ****"));
    assertThat(texts(subject)).isEqualTo(List.of(TicketTexts.askDescription("DNI ******** año ****")));
    assertThat(fixture.tickets.opened())
        .isEqualTo(
            List.of(
                new OpenedTicket(
                    "TK-000001", 1L, "DNI ******** año ****", "mi dni es ******** y nací en ****", Channel.WHATSAPP,
                    new SourceMessage(EngineFixture.KEY, "wamid.3"))));
  }

  @Test
  void shouldStartTheTicketFormFromSoporte() {
    // when
    Decision decision = fixture.engine.decide(maria, text("wamid.4", "Soporte"), NOW);

    // then
    assertThat(texts(decision)).isEqualTo(List.of(TicketTexts.ASK_SUBJECT));
    assertThat(decision.state().pendingForm()).isEqualTo(CreateTicket.start());
  }

  @Test
  void shouldTakeACommandWordAsTheSubjectWhileTheFormWaitsForIt() {
    // given
    ConversationState waitingSubject = maria.withForm(CreateTicket.start());

    // when
    Decision decision = fixture.engine.decide(waitingSubject, text("wamid.5", "Ayuda con mi deuda"), NOW);

    // then
    assertThat(texts(decision)).isEqualTo(List.of(TicketTexts.askDescription("Ayuda con mi deuda")));
  }

  @Test
  void shouldAbandonTheFormOnCancelarAtAnyStep() {
    // given
    ConversationState waitingSubject = maria.withForm(CreateTicket.start());
    ConversationState waitingDescription = maria.withForm(new CreateTicket(TicketStep.DESCRIPTION, "Pago"));

    // when
    Decision atSubject = fixture.engine.decide(waitingSubject, text("wamid.6", "cancelar"), NOW);
    Decision atDescription = fixture.engine.decide(waitingDescription, text("wamid.7", "Cancelar"), NOW);

    // then
    String cancelled = "Listo, cancelé el trámite en curso.\nEscribe *hola* para ver el menú.";
    assertThat(List.of(texts(atSubject), texts(atDescription)))
        .isEqualTo(List.of(List.of(cancelled), List.of(cancelled)));
    assertThat(atSubject.state().pendingForm()).isNull();
    assertThat(atDescription.state().pendingForm()).isNull();
    assertThat(fixture.tickets.opened()).isEmpty();
  }

  @Test
  void shouldAskAgainForASubjectLongerThanTwoHundredCharacters() {
    // given
    ConversationState waitingSubject = maria.withForm(CreateTicket.start());

    // when
    Decision decision = fixture.engine.decide(waitingSubject, text("wamid.8", "x".repeat(201)), NOW);

    // then
    assertThat(texts(decision))
        .isEqualTo(
            List.of("El asunto puede tener hasta 200 caracteres.\nEscribe un asunto más corto o *cancelar* para salir."));
    assertThat(decision.state().pendingForm()).isEqualTo(CreateTicket.start());
  }

  @Test
  void shouldOpenOneTicketWhenTheCompletingMessageIsProcessedAgainAfterACrash() {
    // given the description was handled but its state never committed
    ConversationState waitingDescription = maria.withForm(new CreateTicket(TicketStep.DESCRIPTION, "Pago"));
    Decision first = fixture.engine.decide(waitingDescription, text("wamid.9", "No se refleja"), NOW);

    // when
    Decision again = fixture.engine.decide(waitingDescription, text("wamid.9", "No se refleja"), NOW);

    // then
    assertThat(again).isEqualTo(first);
    assertThat(fixture.tickets.opened()).hasSize(1);
  }
}
