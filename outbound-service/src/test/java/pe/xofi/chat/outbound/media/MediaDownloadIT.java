package pe.xofi.chat.outbound.media;

import pe.xofi.chat.schemas.DeadLetterHeaders;
import pe.xofi.chat.outbound.support.DeadLetterReader;
import org.apache.kafka.clients.producer.RecordMetadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static pe.xofi.chat.outbound.support.FixedClock.NOW;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pe.xofi.chat.membercrypto.EnvelopeSealer;
import pe.xofi.chat.membercrypto.Unsealed;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import pe.xofi.chat.outbound.support.CapturingServer;
import pe.xofi.chat.outbound.support.CapturingServer.Answer;
import pe.xofi.chat.outbound.support.FixedClock;
import pe.xofi.chat.outbound.support.InProcessSandbox;
import pe.xofi.chat.outbound.support.LedgerDatabase;
import pe.xofi.chat.outbound.support.MemberDatabase;
import pe.xofi.chat.outbound.support.MemberDatabase.FileRow;
import pe.xofi.chat.outbound.support.MemberDatabase.ReceiptRow;
import pe.xofi.chat.outbound.support.ReceiptBytes;
import pe.xofi.chat.outbound.support.Replies;
import pe.xofi.chat.outbound.support.TopicReader;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.XofiHeaders;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.media.MediaDownload;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundMessage;
import pe.xofi.chat.testsupport.KafkaTestBroker;

/**
 * The media stage end to end: {@code media-downloads} on the real broker, the file from the real
 * WHAPI sandbox, {@code receipt_file} and {@code payment_receipt} in a real PostgreSQL database with
 * conversation-service's schema. The sandbox is on this machine, so the local stack's {@code local}
 * profile is active, as it is in {@code ./xofi up}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles(MediaSources.LOCAL_PROFILE)
@DirtiesContext
@Import(FixedClock.class)
class MediaDownloadIT {

  static final InProcessSandbox SANDBOX = InProcessSandbox.shared();
  static final MemberDatabase DB = MemberDatabase.create("outbound_media_it");
  static final String GROUP = KafkaTestBroker.unique("outbound-media-it");
  static final String MEDIA_GROUP = GROUP + "-media";
  static final int LIMIT = 4096;
  static final AtomicInteger RECEIPTS = new AtomicInteger();
  /** Telegram's Bot API is down for the whole class: the transient path. */
  static final int TELEGRAM_DOWN = Replies.closedPort();

  @DynamicPropertySource
  static void kafkaWhapiAndDatabase(DynamicPropertyRegistry registry) {
    KafkaTestBroker.createRegistryTopics(Topics.DEFAULT_PARTITIONS, Topics.ALL);
    registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
    registry.add("spring.kafka.consumer.group-id", () -> GROUP);
    registry.add("spring.kafka.consumer.auto-offset-reset", () -> "latest");
    registry.add("xofi.outbound.media.group-id", () -> MEDIA_GROUP);
    registry.add("xofi.outbound.media.max-size", () -> LIMIT + "B");
    registry.add("xofi.outbound.media.retry.max-attempts", () -> "3");
    registry.add("xofi.outbound.media.retry.initial-interval", () -> "50ms");
    registry.add("xofi.outbound.media.retry.max-interval", () -> "200ms");
    registry.add("xofi.outbound.whapi.base-url", SANDBOX::baseUrl);
    registry.add("xofi.outbound.whapi.token", () -> InProcessSandbox.TOKEN);
    registry.add("xofi.outbound.telegram.base-url", () -> "http://localhost:" + TELEGRAM_DOWN);
    LedgerDatabase.register(registry, DB.database());
  }

  @Autowired MeterRegistry meters;

  @Autowired EnvelopeSealer sealer;

  /** A "send it again" reply as written (content sealed with the member's data key), opened. */
  private OutboundMessage opened(OutboundMessage sealed) {
    assertThat(sealed.content()).as("content on the topic").isNull();
    return ((Unsealed.Readable<OutboundMessage>) sealer.open(sealed)).value();
  }

  @BeforeEach
  void listenersReady() {
    Replies.awaitListenerReady(MEDIA_GROUP, Topics.MEDIA_DOWNLOADS);
    Replies.awaitListenerReady(GROUP, Topics.OUTBOUND_MESSAGES);
  }

  @AfterAll
  static void dropDatabase() {
    DB.drop();
  }

  private static String newReceipt(String phone, String mediaId, String mimeType) {
    return newReceiptOf("wa:" + phone, mediaId, mimeType);
  }

  private static String newReceiptOf(String conversationKey, String mediaId, String mimeType) {
    String number = "RC-%06d".formatted(RECEIPTS.incrementAndGet());
    DB.pendingReceipt(number, conversationKey, mediaId, mimeType);
    return number;
  }

  private static MediaDownload download(String number, String phone, String mediaId, String link, String mimeType) {
    return new MediaDownload(number, "wa:" + phone, Provider.WHAPI, mediaId, link, mimeType, Replies.CREATED_AT);
  }

  private static void request(MediaDownload download) {
    Replies.produce(Topics.MEDIA_DOWNLOADS, download.conversationKey(), download, "trace-" + download.receiptId());
  }

  private double downloads(String outcome) {
    return downloads("whapi", outcome);
  }

  private double downloads(String provider, String outcome) {
    var counter = meters.find("xofi.outbound.media.downloads").tags("provider", provider, "outcome", outcome).counter();
    return counter == null ? 0.0 : counter.count();
  }

  private static OutboundMessage resendReply(String number, String phone) {
    return resendReply(number, phone, "No pudimos recibir el archivo de tu comprobante *" + number + "*. "
        + "Por favor, envíalo de nuevo con el monto y la fecha en el texto.");
  }

  private static OutboundMessage resendReply(String number, String phone, String text) {
    return new OutboundMessage(number + "#media-failed", Channel.WHATSAPP, Provider.WHAPI, "wa:" + phone, phone,
        new OutboundContent.Text(text), null, NOW);
  }

  @Test
  void shouldStoreTheExactBytesOfTheFileAndMarkTheReceiptStored() {
    // given
    String phone = Replies.uniquePhone();
    byte[] jpeg = ReceiptBytes.jpeg(3000);
    String mediaId = SANDBOX.upload(phone, "image/jpeg", jpeg);
    String number = newReceipt(phone, mediaId, "image/jpeg");
    double stored = downloads("stored");
    // when
    request(download(number, phone, mediaId, null, "image/jpeg"));
    // then
    await().atMost(KafkaTestBroker.patience()).until(() -> DB.receipt(number).status().equals("STORED"));
    assertThat(DB.receipt(number)).isEqualTo(new ReceiptRow("STORED", null, NOW));
    assertThat(DB.files(number)).containsExactly(FileRow.of(jpeg, ReceiptFile.sha256(jpeg), "image/jpeg", NOW));
    assertThat(downloads("stored")).isEqualTo(stored + 1);
    assertThat(meters.get("xofi.outbound.media.bytes").tags("provider", "whapi").summary().totalAmount())
        .isGreaterThanOrEqualTo(3000.0);
  }

  @Test
  void shouldDownloadFromTheLinkWhenTheRequestCarriesOne() {
    // given
    String phone = Replies.uniquePhone();
    byte[] pdf = ReceiptBytes.pdf(1200);
    String mediaId = SANDBOX.upload(phone, "application/pdf", pdf);
    String number = newReceipt(phone, mediaId, "application/pdf");
    // when
    request(download(number, phone, "pdf-not-this-id", SANDBOX.mediaUrl(mediaId), "application/pdf"));
    // then
    await().atMost(KafkaTestBroker.patience()).until(() -> DB.receipt(number).status().equals("STORED"));
    assertThat(DB.files(number)).containsExactly(FileRow.of(pdf, ReceiptFile.sha256(pdf), "application/pdf", NOW));
  }

  @Test
  void shouldKeepOneFileWhenTheSameRequestArrivesTwice() {
    // given
    String phone = Replies.uniquePhone();
    byte[] png = ReceiptBytes.png(500);
    String mediaId = SANDBOX.upload(phone, "image/png", png);
    String number = newReceipt(phone, mediaId, "image/png");
    MediaDownload download = download(number, phone, mediaId, null, "image/png");
    double alreadyStored = downloads("already_stored");
    // when
    request(download);
    request(download);
    // then
    await().atMost(KafkaTestBroker.patience()).until(() -> downloads("already_stored") == alreadyStored + 1);
    assertThat(DB.files(number)).containsExactly(FileRow.of(png, ReceiptFile.sha256(png), "image/png", NOW));
    assertThat(DB.receipt(number)).isEqualTo(new ReceiptRow("STORED", null, NOW));
  }

  @Test
  void shouldFailTheReceiptAndAskTheMemberOnceToSendItAgainWhenWhapiDoesNotHaveTheMedia() {
    // given
    String phone = Replies.uniquePhone();
    String unknown = "jpeg-00000000000000000000000000000000";
    String number = newReceipt(phone, unknown, "image/jpeg");
    OutboundMessage expected = resendReply(number, phone);
    // when
    request(download(number, phone, unknown, null, "image/jpeg"));
    // then
    try (TopicReader<OutboundMessage> replies = new TopicReader<>(Topics.OUTBOUND_MESSAGES)) {
      List<ConsumerRecord<String, OutboundMessage>> records = replies.awaitAtLeast(1, "wa:" + phone);
      assertThat(DB.receipt(number)).isEqualTo(new ReceiptRow("FAILED", "WHAPI answered 404: media not found", NOW));
      // the send path delivers it like any reply
      await().atMost(KafkaTestBroker.patience()).until(() -> !SANDBOX.outbox(phone).isEmpty());
      assertThat(SANDBOX.outbox(phone).get(0).get("body").asString()).isEqualTo(expected.content().fallbackText());
      assertThat(replies.awaitAtLeast(1, "wa:" + phone)).extracting(record -> opened(record.value())).containsExactly(expected);
      assertThat(new String(records.getFirst().headers().lastHeader(XofiHeaders.TRACE_ID).value(),
          StandardCharsets.UTF_8)).isEqualTo("trace-" + number);
    }
    assertThat(DB.files(number)).isEmpty();
  }

  @Test
  void shouldFailTheReceiptWhenTheFileIsLargerThanTheLimit() {
    // given
    String phone = Replies.uniquePhone();
    String mediaId = SANDBOX.upload(phone, "image/jpeg", ReceiptBytes.jpeg(LIMIT + 1));
    String number = newReceipt(phone, mediaId, "image/jpeg");
    // when
    request(download(number, phone, mediaId, null, "image/jpeg"));
    // then
    try (TopicReader<OutboundMessage> replies = new TopicReader<>(Topics.OUTBOUND_MESSAGES)) {
      assertThat(replies.awaitAtLeast(1, "wa:" + phone)).extracting(record -> opened(record.value()))
          .containsExactly(resendReply(number, phone, "No pudimos recibir el archivo de tu comprobante *" + number
              + "* porque pesa más de 4 KB. Por favor, envía una foto o un PDF más liviano con el monto y la fecha "
              + "en el texto."));
    }
    assertThat(DB.receipt(number)).isEqualTo(new ReceiptRow("FAILED", "file larger than 4096 bytes", NOW));
    assertThat(DB.files(number)).isEmpty();
  }

  @Test
  void shouldGiveUpAfterTheLastAttemptWhenTheProviderStaysUnreachable() {
    // given
    String chat = Replies.uniquePhone();
    String number = newReceiptOf("tg:" + chat, "AgACAgEAAxkBAAIB", "image/jpeg");
    double transientErrors = downloads("telegram", "transient_error");
    // when
    Replies.produce(Topics.MEDIA_DOWNLOADS, "tg:" + chat, new MediaDownload(number, "tg:" + chat, Provider.TELEGRAM,
        "AgACAgEAAxkBAAIB", null, "image/jpeg", Replies.CREATED_AT), "trace-" + number);
    // then
    try (TopicReader<OutboundMessage> replies = new TopicReader<>(Topics.OUTBOUND_MESSAGES)) {
      assertThat(replies.awaitAtLeast(1, "tg:" + chat)).extracting(record -> opened(record.value()))
          .containsExactly(new OutboundMessage(number + "#media-failed", Channel.TELEGRAM, Provider.TELEGRAM,
              "tg:" + chat, chat, resendReply(number, chat).content(), null, NOW));
    }
    ReceiptRow receipt = DB.receipt(number);
    assertThat(receipt.status()).isEqualTo("FAILED");
    assertThat(receipt.failureReason()).startsWith("gave up after 3 attempt(s): Telegram unreachable: ");
    assertThat(downloads("telegram", "transient_error")).isEqualTo(transientErrors + 3);
  }

  @Test
  void shouldNeverRequestALinkIntoTheClusterAndStoreTheFileWhapiHasForTheId() {
    // given: a forged webhook's link points at a service on this machine
    String phone = Replies.uniquePhone();
    byte[] jpeg = ReceiptBytes.jpeg(700);
    String mediaId = SANDBOX.upload(phone, "image/jpeg", jpeg);
    String number = newReceipt(phone, mediaId, "image/jpeg");
    try (CapturingServer cluster = CapturingServer.answering(
        Answer.json("{\"conversation\":\"another member's transcript\"}"))) {
      // when
      request(download(number, phone, mediaId, cluster.url() + "/ops/conversations/51912345678", "image/jpeg"));
      // then
      await().atMost(KafkaTestBroker.patience()).until(() -> DB.receipt(number).status().equals("STORED"));
      assertThat(cluster.requests()).isEmpty();
      assertThat(DB.files(number)).containsExactly(FileRow.of(jpeg, ReceiptFile.sha256(jpeg), "image/jpeg", NOW));
    }
  }

  @Test
  void shouldFailTheReceiptAndNeverCallWhapiForAMediaIdThatClimbsOutOfTheMediaPath() {
    // given
    String phone = Replies.uniquePhone();
    String number = newReceipt(phone, "../settings", "image/jpeg");
    // when
    request(download(number, phone, "../settings", null, "image/jpeg"));
    // then
    try (TopicReader<OutboundMessage> replies = new TopicReader<>(Topics.OUTBOUND_MESSAGES)) {
      assertThat(replies.awaitAtLeast(1, "wa:" + phone)).extracting(record -> opened(record.value()))
          .containsExactly(resendReply(number, phone));
    }
    assertThat(DB.receipt(number)).isEqualTo(new ReceiptRow("FAILED", "WHAPI media id is not in WHAPI's format", NOW));
    assertThat(DB.files(number)).isEmpty();
  }

  @Test
  void shouldFailTheReceiptAndTellTheMemberWhenTheFileIsAnHtmlPageNamedAsAPng() {
    // given
    String phone = Replies.uniquePhone();
    String mediaId = SANDBOX.upload(phone, "image/png",
        "<html><script>document.location='//attacker.example'</script></html>".getBytes(StandardCharsets.UTF_8));
    String number = newReceipt(phone, mediaId, "image/png");
    // when
    request(download(number, phone, mediaId, null, "image/png"));
    // then
    try (TopicReader<OutboundMessage> replies = new TopicReader<>(Topics.OUTBOUND_MESSAGES)) {
      assertThat(replies.awaitAtLeast(1, "wa:" + phone)).extracting(record -> opened(record.value()))
          .containsExactly(resendReply(number, phone, "No pudimos recibir el archivo de tu comprobante *" + number
              + "* porque no es una foto ni un PDF. Aceptamos fotos JPG, PNG o WebP y archivos PDF: envíalo de nuevo "
              + "en uno de esos formatos con el monto y la fecha en el texto."));
    }
    assertThat(DB.receipt(number)).isEqualTo(new ReceiptRow("FAILED",
        "WHAPI sent a file that is not a JPEG, PNG, WebP or PDF (image/png by its type)", NOW));
    assertThat(DB.files(number)).isEmpty();
    assertThat(meters.get("xofi.outbound.media.failed.receipts")
        .tags("provider", "whapi", "outcome", "unsupported_type").counter().count()).isEqualTo(1.0);
  }

  @Test
  void shouldAskTheMemberAgainWhenTheReceiptIsUnknown() {
    // given
    String phone = Replies.uniquePhone();
    String mediaId = SANDBOX.upload(phone, "image/jpeg", ReceiptBytes.jpeg(100));
    double unknown = unknownReceipts();
    // when
    request(download("RC-999999", phone, mediaId, null, "image/jpeg"));
    // then
    try (TopicReader<OutboundMessage> replies = new TopicReader<>(Topics.OUTBOUND_MESSAGES)) {
      assertThat(replies.awaitAtLeast(1, "wa:" + phone)).extracting(record -> opened(record.value()))
          .containsExactly(resendReply("RC-999999", phone));
    }
    assertThat(unknownReceipts()).isEqualTo(unknown + 1);
  }

  @Test
  void shouldStoreNoFileOnAReceiptOfAnotherConversation() {
    // given: José's receipt waits for its file, and María uploaded a file of her own (security
    // review H3, attack b': a reused message id once queued her file under his receipt number)
    String victim = Replies.uniquePhone();
    String attacker = Replies.uniquePhone();
    String number = newReceipt(victim, "png-doesnotexist", "image/png");
    ReceiptRow before = DB.receipt(number);
    String mediaId = SANDBOX.upload(attacker, "image/png", ReceiptBytes.png(300));
    // when: a download from María's conversation names José's receipt
    request(download(number, attacker, mediaId, null, "image/png"));
    // then: her conversation has no such receipt, so she is asked again, and José's receipt is as it was
    try (TopicReader<OutboundMessage> replies = new TopicReader<>(Topics.OUTBOUND_MESSAGES)) {
      assertThat(replies.awaitAtLeast(1, "wa:" + attacker)).extracting(record -> opened(record.value()))
          .containsExactly(resendReply(number, attacker));
    }
    assertThat(DB.receipt(number)).isEqualTo(before);
    assertThat(before.status()).isEqualTo("PENDING_FILE");
    assertThat(DB.files(number)).isEmpty();
  }

  private double unknownReceipts() {
    var counter = meters.find("xofi.outbound.media.failed.receipts")
        .tags("provider", "whapi", "outcome", "unknown_receipt").counter();
    return counter == null ? 0.0 : counter.count();
  }

  @Test
  void shouldDeadLetterARequestItCannotReadAndStoreTheNextFile() {
    // given
    String phone = Replies.uniquePhone();
    byte[] poison = "{\"receiptId\": {\"not\": \"a string\"}}".getBytes(StandardCharsets.UTF_8);
    byte[] file = ReceiptBytes.jpeg(120);
    String mediaId = SANDBOX.upload(phone, "image/jpeg", file);
    String number = newReceipt(phone, mediaId, "image/jpeg");
    // when
    RecordMetadata source = DeadLetterReader.produceBytes(Topics.MEDIA_DOWNLOADS, "wa:" + phone, poison);
    request(download(number, phone, mediaId, null, "image/jpeg"));
    // then
    ConsumerRecord<String, byte[]> letter = DeadLetterReader.awaitLetters(Topics.MEDIA_DOWNLOADS_DLT, "wa:" + phone, 1)
        .getFirst();
    assertThat(letter.value()).isEqualTo(poison);
    assertThat(List.of(
        DeadLetterReader.header(letter, DeadLetterHeaders.SOURCE_TOPIC),
        DeadLetterReader.header(letter, DeadLetterHeaders.SOURCE_OFFSET),
        DeadLetterReader.header(letter, DeadLetterHeaders.CONSUMER_GROUP)))
        .isEqualTo(List.of(Topics.MEDIA_DOWNLOADS.name(), Long.toString(source.offset()), MEDIA_GROUP));
    assertThat(DeadLetterReader.header(letter, DeadLetterHeaders.ERROR)).startsWith("not a valid MediaDownload");
    await().atMost(KafkaTestBroker.patience()).until(() -> DB.receipt(number).status().equals("STORED"));
  }
}
