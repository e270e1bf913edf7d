package pe.xofi.chat.conversation.engine.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.xofi.chat.conversation.engine.EngineFixture.NEW;
import static pe.xofi.chat.conversation.engine.EngineFixture.NOW;
import static pe.xofi.chat.conversation.engine.EngineFixture.event;
import static pe.xofi.chat.conversation.engine.EngineFixture.handled;
import static pe.xofi.chat.conversation.engine.EngineFixture.origin;
import static pe.xofi.chat.conversation.engine.EngineFixture.reply;
import static pe.xofi.chat.conversation.engine.EngineFixture.signedIn;
import static pe.xofi.chat.conversation.engine.EngineFixture.text;
import static pe.xofi.chat.conversation.engine.EngineFixture.texts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pe.xofi.chat.conversation.engine.Decision;
import pe.xofi.chat.conversation.engine.EngineFixture;
import pe.xofi.chat.conversation.engine.auth.AuthTexts;
import pe.xofi.chat.conversation.member.ReceiptInbox.MediaFile;
import pe.xofi.chat.conversation.member.SourceMessage;
import pe.xofi.chat.conversation.member.inmemory.DemoMembers;
import pe.xofi.chat.conversation.member.inmemory.InMemoryReceiptInbox.RegisteredReceipt;
import pe.xofi.chat.conversation.message.InboundMessage.Media;
import pe.xofi.chat.conversation.message.InboundMessage.MediaKind;
import pe.xofi.chat.conversation.message.MessageOrigin;
import pe.xofi.chat.conversation.state.ConversationState;
import pe.xofi.chat.conversation.state.PendingForm.ReceiptStep;
import pe.xofi.chat.conversation.state.PendingForm.UploadReceipt;
import pe.xofi.chat.schemas.events.ConversationEventType;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.ConversationKey;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.media.MediaDownload;

class ReceiptTest {

  /** Five days after the seed's example payment date, 10:00 in Lima. */
  private static final Instant JANUARY_2025 = Instant.parse("2025-01-20T15:00:00Z");

  private static final String LINK = "https://gate.whapi.cloud/media/jpeg-1";
  private static final MediaFile PHOTO = new MediaFile(Provider.WHAPI, "jpeg-1", LINK, "image/jpeg", 84512L, null);

  private final EngineFixture fixture = new EngineFixture();
  private final ConversationState maria = signedIn(DemoMembers.MARIA, NOW.minusSeconds(60));

  @Test
  void shouldRegisterAReceiptWhoseCaptionCarriesAmountAndDateAndAskForItsFile() {
    // given
    ConversationState signedIn = signedIn(DemoMembers.MARIA, JANUARY_2025.minusSeconds(60));
    Media photo = photo("wamid.1", "Monto: 500\nFecha: 2025-01-15");

    // when
    Decision decision = fixture.engine.decide(signedIn, photo, JANUARY_2025);

    // then
    assertThat(decision)
        .isEqualTo(
            new Decision(
                new ConversationState(
                    Channel.WHATSAPP, JANUARY_2025, List.of("wamid.auth", "wamid.1"), 1L,
                    JANUARY_2025.minusSeconds(60), List.of(), null, null),
                List.of(
                    reply(
                        "wamid.1",
                        1,
                        """
                        Registramos tu comprobante *RC-000001*.
                        Monto: S/ 500.00
                        Fecha de pago: 15/01/2025
                        Lo revisaremos y te avisaremos si necesitamos algo más.""",
                        JANUARY_2025)),
                List.of(
                    event("wamid.1", ConversationEventType.RECEIPT_REGISTERED, "upload_receipt", JANUARY_2025, Map.of("receipt", "RC-000001")),
                    handled("wamid.1", "upload_receipt", 1, JANUARY_2025, EngineFixture.MARIA_SESSION)),
                List.of(
                    new MediaDownload(
                        "RC-000001", "wa:51987654321", Provider.WHAPI, "jpeg-1", LINK, "image/jpeg", JANUARY_2025))));
    assertThat(fixture.receipts.registered())
        .isEqualTo(
            List.of(
                new RegisteredReceipt(
                    "RC-000001", 1L, new BigDecimal("500.00"), LocalDate.of(2025, 1, 15), PHOTO, new SourceMessage(EngineFixture.KEY, "wamid.1"))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Monto: S/ 1,250.50\nFecha: 15/11/2026", "monto s/1250.50 fecha 2026-11-15", "MONTO: 1250,50 - FECHA: 15/11/2026"
      })
  void shouldReadAmountsInSolesWithSeparatorsAndDatesInEitherFormat(String caption) {
    // when
    Decision decision = fixture.engine.decide(maria, photo("wamid.2", caption), NOW);

    // then
    assertThat(texts(decision))
        .isEqualTo(
            List.of(
                """
                Registramos tu comprobante *RC-000001*.
                Monto: S/ 1,250.50
                Fecha de pago: 15/11/2026
                Lo revisaremos y te avisaremos si necesitamos algo más."""));
  }

  @Test
  void shouldAskForTheAmountThenTheDateWhenTheCaptionHasNeitherKeepingTheFileInTheForm() {
    // given
    Decision received = fixture.engine.decide(maria, photo("wamid.3", "mi pago de noviembre"), NOW);
    Decision amount = fixture.engine.decide(received.state(), text("wamid.4", "S/ 550"), NOW.plusSeconds(30));

    // when
    Decision date = fixture.engine.decide(amount.state(), text("wamid.5", "15/11/2026"), NOW.plusSeconds(60));

    // then
    assertThat(List.of(texts(received), texts(amount), texts(date)))
        .isEqualTo(
            List.of(
                List.of(
                    """
                    ¿Cuál es el *monto* que pagaste? Escríbelo así: *500* o *S/ 1,250.50*.
                    Escribe *cancelar* para descartar el comprobante."""),
                List.of(
                    """
                    ¿En qué *fecha* hiciste el pago? Escríbela así: *15/01/2025* o *2025-01-15*.
                    Escribe *cancelar* para descartar el comprobante."""),
                List.of(
                    """
                    Registramos tu comprobante *RC-000001*.
                    Monto: S/ 550.00
                    Fecha de pago: 15/11/2026
                    Lo revisaremos y te avisaremos si necesitamos algo más.""")));
    assertThat(List.of(received.state().pendingForm(), amount.state().pendingForm()))
        .isEqualTo(
            List.of(
                new UploadReceipt(ReceiptStep.AMOUNT, null, null, PHOTO),
                new UploadReceipt(ReceiptStep.DATE, new BigDecimal("550.00"), null, PHOTO)));
    assertThat(date.state().pendingForm()).isNull();
    assertThat(date.downloads())
        .isEqualTo(
            List.of(
                new MediaDownload(
                    "RC-000001", "wa:51987654321", Provider.WHAPI, "jpeg-1", LINK, "image/jpeg", NOW.plusSeconds(60))));
    assertThat(fixture.receipts.registered())
        .isEqualTo(
            List.of(
                new RegisteredReceipt(
                    "RC-000001", 1L, new BigDecimal("550.00"), LocalDate.of(2026, 11, 15), PHOTO, new SourceMessage(EngineFixture.KEY, "wamid.5"))));
  }

  @Test
  void shouldAskOnlyForTheDateWhenTheCaptionHasTheAmount() {
    // when
    Decision decision = fixture.engine.decide(maria, photo("wamid.6", "Monto: 500"), NOW);

    // then
    assertThat(texts(decision)).isEqualTo(List.of(ReceiptTexts.ASK_DATE));
    assertThat(decision.state().pendingForm())
        .isEqualTo(new UploadReceipt(ReceiptStep.DATE, new BigDecimal("500.00"), null, PHOTO));
  }

  @Test
  void shouldAskAgainForAnAmountItCannotRead() {
    // given
    ConversationState waitingAmount = maria.withForm(new UploadReceipt(ReceiptStep.AMOUNT, null, null, PHOTO));

    // when
    Decision decision = fixture.engine.decide(waitingAmount, text("wamid.7", "quinientos"), NOW);

    // then
    assertThat(texts(decision)).isEqualTo(List.of(ReceiptTexts.ASK_AMOUNT));
    assertThat(decision.state().pendingForm()).isEqualTo(waitingAmount.pendingForm());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Monto: 1000000000000\nFecha: 2026-11-20", "Monto: 999999999999.999\nFecha: 2026-11-20",
      "Monto: 9999999999999999999999999999999999999999\nFecha: 2026-11-20"})
  void shouldAskAgainForAnAmountLargerThanAReceiptHolds(String caption) {
    // when
    Decision decision = fixture.engine.decide(maria, photo("wamid.8b", caption), NOW);

    // then
    assertThat(texts(decision))
        .isEqualTo(
            List.of(
                """
                El monto es demasiado alto, así que aún no registré tu comprobante.
                ¿Cuál es el *monto* que pagaste? Escríbelo así: *500* o *S/ 1,250.50*.
                Escribe *cancelar* para descartar el comprobante."""));
    assertThat(fixture.receipts.registered()).isEmpty();
  }

  @Test
  void shouldRegisterTheLargestAmountAReceiptHolds() {
    // when
    fixture.engine.decide(maria, photo("wamid.8c", "Monto: 999,999,999,999.99\nFecha: 2026-11-20"), NOW);

    // then
    assertThat(fixture.receipts.registered()).hasSize(1);
    assertThat(fixture.receipts.registered().getFirst().amount()).isEqualByComparingTo(ReceiptHandler.MAX_AMOUNT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Monto: 0\nFecha: 2026-11-20", "Monto: -50\nFecha: 2026-11-20"})
  void shouldRegisterNothingForAnAmountOfZeroOrLess(String caption) {
    // when
    Decision decision = fixture.engine.decide(maria, photo("wamid.8", caption), NOW);

    // then
    assertThat(texts(decision))
        .isEqualTo(
            List.of(
                """
                El monto debe ser mayor que cero, así que aún no registré tu comprobante.
                ¿Cuál es el *monto* que pagaste? Escríbelo así: *500* o *S/ 1,250.50*.
                Escribe *cancelar* para descartar el comprobante."""));
    assertThat(fixture.receipts.registered()).isEmpty();
    assertThat(decision.downloads()).isEmpty();
  }

  @Test
  void shouldRegisterNothingForAPaymentDateAfterToday() {
    // when
    Decision decision = fixture.engine.decide(maria, photo("wamid.9", "Monto: 500\nFecha: 25/11/2026"), NOW);

    // then
    assertThat(texts(decision))
        .isEqualTo(
            List.of(
                """
                La fecha de pago no puede ser posterior a hoy (24/11/2026), así que aún no registré tu comprobante.
                ¿En qué *fecha* hiciste el pago? Escríbela así: *15/01/2025* o *2025-01-15*.
                Escribe *cancelar* para descartar el comprobante."""));
    assertThat(fixture.receipts.registered()).isEmpty();
  }

  @Test
  void shouldRegisterNothingForAPaymentDateMoreThanNinetyDaysAgo() {
    // when
    Decision tooOld = fixture.engine.decide(maria, photo("wamid.10", "Monto: 500\nFecha: 2026-08-25"), NOW);
    Decision ninetyDays = fixture.engine.decide(maria, photo("wamid.11", "Monto: 500\nFecha: 2026-08-26"), NOW);

    // then
    assertThat(texts(tooOld))
        .isEqualTo(
            List.of(
                """
                La fecha de pago no puede ser anterior al 26/08/2026 (90 días atrás), así que aún no registré tu comprobante.
                ¿En qué *fecha* hiciste el pago? Escríbela así: *15/01/2025* o *2025-01-15*.
                Escribe *cancelar* para descartar el comprobante."""));
    assertThat(fixture.receipts.registered().stream().map(RegisteredReceipt::sourceMessageId).toList())
        .isEqualTo(List.of("wamid.11"));
    assertThat(ninetyDays.state().pendingForm()).isNull();
  }

  @Test
  void shouldRefuseAFileOverTenMebibytes() {
    // given
    Media big =
        new Media(origin("wamid.12"), MediaKind.DOCUMENT, "pdf-1", "application/pdf", "Monto: 500\nFecha: 2026-11-20", null,
            10L * 1024 * 1024 + 1, "boleta.pdf");

    // when
    Decision decision = fixture.engine.decide(maria, big, NOW);

    // then
    assertThat(texts(decision))
        .isEqualTo(List.of("El archivo pesa más de 10 MB y no puedo recibirlo.\nEnvía una foto o un PDF más liviano."));
    assertThat(decision.state().pendingForm()).isNull();
    assertThat(fixture.receipts.registered()).isEmpty();
  }

  @Test
  void shouldRefuseADocumentThatIsNotAPdf() {
    // given
    Media word =
        new Media(origin("wamid.13"), MediaKind.DOCUMENT, "doc-1", "application/msword", "Monto: 500", null, 2048L, "pago.doc");

    // when
    Decision decision = fixture.engine.decide(maria, word, NOW);

    // then
    assertThat(texts(decision)).isEqualTo(List.of(ReceiptTexts.WRONG_FILE_TYPE));
  }

  @Test
  void shouldAskToIdentifyBeforeTakingAReceipt() {
    // when
    Decision decision = fixture.engine.decide(NEW, photo("wamid.14", "Monto: 500\nFecha: 2026-11-20"), NOW);

    // then
    assertThat(texts(decision)).isEqualTo(List.of(AuthTexts.AUTH_REQUIRED));
    assertThat(fixture.receipts.registered()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Subir boleta", "comprobante"})
  void shouldExplainHowToSendAReceipt(String command) {
    // when
    Decision decision = fixture.engine.decide(maria, text("wamid.15", command), NOW);

    // then
    assertThat(texts(decision))
        .isEqualTo(
            List.of(
                """
                Para registrar un pago, envíame una foto o un PDF de tu comprobante con este texto en el mensaje:
                Monto: 500
                Fecha: 2025-01-15

                El archivo puede pesar hasta 10 MB. Si te olvidas del monto o de la fecha, te los pediré."""));
  }

  @Test
  void shouldDiscardThePendingReceiptOnCancelar() {
    // given
    ConversationState waitingDate =
        maria.withForm(new UploadReceipt(ReceiptStep.DATE, new BigDecimal("500.00"), null, PHOTO));

    // when
    Decision decision = fixture.engine.decide(waitingDate, text("wamid.16", "cancelar"), NOW);

    // then
    assertThat(texts(decision)).isEqualTo(List.of("Listo, cancelé el trámite en curso.\nEscribe *hola* para ver el menú."));
    assertThat(decision.state().pendingForm()).isNull();
    assertThat(fixture.receipts.registered()).isEmpty();
  }

  @Test
  void shouldRegisterAReceiptOfItsOwnForAnotherMemberWhoReusesAMessageIdAndDownloadOnlyIntoIt() {
    // given: José registered a receipt with message "victim-rc" (security review H3, attack b')
    ConversationKey josesPhone = ConversationKey.whatsapp("51900000311");
    ConversationState jose = signedIn(DemoMembers.JOSE, NOW.minusSeconds(60));
    Media josesFile =
        new Media(new MessageOrigin("victim-rc", josesPhone, Channel.WHATSAPP, Provider.WHAPI), MediaKind.IMAGE,
            "png-doesnotexist", "image/png", "Monto: 100\nFecha: 2026-11-24", null, null, null);
    fixture.engine.decide(jose, josesFile, NOW);

    // when: María sends her own file in her own conversation with José's message id
    Media mariasFile =
        new Media(origin("victim-rc"), MediaKind.IMAGE, "png-attacker", "image/png", "Monto: 999\nFecha: 2026-11-24",
            null, null, null);
    Decision decision = fixture.engine.decide(maria, mariasFile, NOW);

    // then
    assertThat(decision.downloads())
        .isEqualTo(
            List.of(new MediaDownload("RC-000002", "wa:51987654321", Provider.WHAPI, "png-attacker", null, "image/png", NOW)));
    assertThat(fixture.receipts.registered().stream().map(r -> r.number() + " " + r.partnerId() + " " + r.amount()).toList())
        .isEqualTo(List.of("RC-000001 " + DemoMembers.JOSE.id() + " 100.00", "RC-000002 1 999.00"));
  }

  private static Media photo(String messageId, String caption) {
    return new Media(origin(messageId), MediaKind.IMAGE, "jpeg-1", "image/jpeg", caption, LINK, 84512L, null);
  }
}
