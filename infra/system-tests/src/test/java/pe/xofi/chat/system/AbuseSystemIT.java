package pe.xofi.chat.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.engine.auth.AuthTexts;
import pe.xofi.chat.conversation.engine.receipt.ReceiptTexts;
import pe.xofi.chat.conversation.engine.ticket.TicketTexts;
import pe.xofi.chat.conversation.member.ReceiptInbox.Receipt;
import pe.xofi.chat.localstack.LocalStack;
import pe.xofi.chat.system.ChannelMember.Channel;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 14's attacks on input, media and idempotency through the real processes, each with its
 * safe outcome (the sections of {@link SecuritySystemIT} for items 3, 4 and 5; that class keeps
 * item 1 and the webhook and staff attacks): hostile captions and ids are cut or refused and the
 * member is still answered, a media link never makes the outbound service call a host of the
 * attacker's choosing, and a forged message id never touches another member's replies or rows.
 */
class AbuseSystemIT {

  private static final ZoneId LIMA = ZoneId.of("America/Lima");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** "Within a few seconds" on a loaded two-core machine. */
  private static final Duration REPLY_BOUND = Duration.ofSeconds(10);

  private static LocalStack stack;

  @BeforeAll
  static void startStack() {
    stack = RunningStack.shared();
  }

  @AfterAll
  static void noPersonalDataInTheLogs() {
    assertThat(LogPrivacy.leaks(stack.config().runDir().resolve("logs"))).isEmpty();
  }

  /** Item 3: linear-time parsing and bounded inputs (review H2, H5, H7). */
  @Nested
  class BoundedInputs {

    @Test
    void shouldCutAMegabyteCaptionAndStillAnswerTheMemberWithinSeconds() {
      // given: María identified; a caption of 1,000,000 characters (the body stays under 1 MiB)
      String phone = phone();
      maria(phone);
      String caption = "monto" + " ".repeat(999_994) + "x";

      // when
      long start = System.nanoTime();
      HttpResponse<String> answer = ForgedWebhooks.post(stack,
          ForgedWebhooks.body(List.of(ForgedWebhooks.image(phone, "abuse-1mb-" + phone, caption, "jpeg-abuse-1mb", null))));
      List<String> replies = repliesAfter(phone, 1, 1);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      System.out.printf("[abuse] 1,000,000-character caption: %d, reply after %d ms%n", answer.statusCode(), took.toMillis());

      // then: accepted with the caption cut to 1,024 characters, where no amount is written
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(replies).containsExactly(ReceiptTexts.ASK_AMOUNT);
      assertThat(took).isLessThan(REPLY_BOUND);
    }

    @Test
    void shouldRefuseABodyOverOneMebibyteWith413AndPublishNothing() {
      // given: a caption of 1 MiB, so the body is over the ingress's 1 MB limit
      String phone = phone();
      maria(phone);
      String caption = "monto" + " ".repeat(1_048_570) + "x";

      // when
      HttpResponse<String> answer = ForgedWebhooks.post(stack,
          ForgedWebhooks.body(List.of(ForgedWebhooks.image(phone, "abuse-1mib-" + phone, caption, "jpeg-abuse-1mib", null))));

      // then: refused whole, and the member is still answered at once
      assertThat(answer.statusCode()).isEqualTo(413);
      assertThat(new ChannelMember(stack.config().sandboxUrl(), Channel.WHAPI, phone).says("Hola")).isNotBlank();
    }

    @Test
    void shouldAnswerA16000SpaceCaptionWithinSeconds() {
      // given: review H2's caption, 2.5 s of backtracking before the fix
      String phone = phone();
      maria(phone);
      String caption = "monto" + " ".repeat(16_000) + "x";

      // when
      long start = System.nanoTime();
      HttpResponse<String> answer = ForgedWebhooks.post(stack,
          ForgedWebhooks.body(List.of(ForgedWebhooks.image(phone, "abuse-16k-" + phone, caption, "jpeg-abuse-16k", null))));
      List<String> replies = repliesAfter(phone, 1, 1);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      System.out.printf("[abuse] 16,000-space caption: %d, reply after %d ms%n", answer.statusCode(), took.toMillis());

      // then
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(replies).containsExactly(ReceiptTexts.ASK_AMOUNT);
      assertThat(took).isLessThan(REPLY_BOUND);
    }

    @Test
    void shouldRefuseATenThousandMessageWebhookAndALongIdAndPublishNothing() {
      // given: 10,000 messages from as many numbers, and one message whose id has 10,000 characters
      List<String> flooded = IntStream.range(0, 10_000).mapToObj(i -> phone()).toList();
      byte[] flood = ForgedWebhooks.body(flooded.stream()
          .map(p -> ForgedWebhooks.text(p, "abuse-flood-" + p, "hola")).toList());
      String longIdPhone = phone();
      byte[] longId = ForgedWebhooks.body(List.of(ForgedWebhooks.text(longIdPhone, "W".repeat(10_000), "hola")));

      // when
      HttpResponse<String> floodAnswer = ForgedWebhooks.post(stack, flood);
      HttpResponse<String> longIdAnswer = ForgedWebhooks.post(stack, longId);

      // and: a member's message after them is published and answered
      String control = phone();
      assertThat(new ChannelMember(stack.config().sandboxUrl(), Channel.WHAPI, control).says("Hola")).isNotBlank();

      // then
      System.out.printf("[abuse] 10,000-message webhook (%d bytes): %d %s; 10,000-character id: %d %s%n",
          flood.length, floodAnswer.statusCode(), floodAnswer.body(), longIdAnswer.statusCode(), longIdAnswer.body());
      assertThat(floodAnswer.statusCode()).isEqualTo(413);
      assertThat(longIdAnswer.statusCode()).isEqualTo(422);
      Set<String> published = ForgedWebhooks.inboundKeys(stack);
      assertThat(published).contains("wa:" + control).doesNotContain("wa:" + longIdPhone);
      assertThat(flooded).noneMatch(p -> published.contains("wa:" + p));
      assertThat(memberOutbox(longIdPhone)).isEmpty();
    }

    @Test
    void shouldRefuseAWebhookOverTheMessageCapEvenWhenItsBodyIsSmall() {
      // given: 500 messages (about 120 KB), five times the default cap of 100
      List<String> flooded = IntStream.range(0, 500).mapToObj(i -> phone()).toList();
      byte[] flood = ForgedWebhooks.body(flooded.stream()
          .map(p -> ForgedWebhooks.text(p, "abuse-cap-" + p, "hola")).toList());

      // when
      HttpResponse<String> answer = ForgedWebhooks.post(stack, flood);

      // then
      assertThat(flood.length).isLessThan(1_048_576);
      assertThat(answer.statusCode()).isEqualTo(413);
      assertThat(answer.body()).contains("at most 100");
      Set<String> published = ForgedWebhooks.inboundKeys(stack);
      assertThat(flooded).noneMatch(p -> published.contains("wa:" + p));
    }
  }

  /** Item 4: media only from the provider (review H4, M6). */
  @Nested
  class MediaFromTheProviderOnly {

    @Test
    void shouldNeverRequestALoopbackLinkAndStoreTheFileFromTheSandboxMediaApi() throws Exception {
      // given: a capturing server on 127.0.0.1 that would serve its own JPEG, and the member's real
      // file uploaded to the sandbox (WHAPI's /media/{id})
      AtomicInteger captured = new AtomicInteger();
      byte[] attackerFile = ReceiptFiles.jpeg("served by the attacker's listener");
      HttpServer listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      listener.createContext("/", exchange -> {
        captured.incrementAndGet();
        exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
        exchange.sendResponseHeaders(200, attackerFile.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(attackerFile);
        }
      });
      listener.start();
      try {
        byte[] photo = ReceiptFiles.jpeg("the member's own voucher");
        String mediaId = upload(photo);
        String phone = phone();
        maria(phone);
        LocalDate paidOn = LocalDate.now(LIMA).minusDays(1);
        String link = "http://127.0.0.1:" + listener.getAddress().getPort() + "/voucher.jpg";
        String source = "abuse-ssrf-" + phone;

        // when
        HttpResponse<String> answer = ForgedWebhooks.post(stack, ForgedWebhooks.body(List.of(
            ForgedWebhooks.image(phone, source, "Monto: 100\nFecha: " + paidOn, mediaId, link))));
        String reply = repliesAfter(phone, 1, 1).getFirst();
        String number = ChannelReceiptsSystemIT.numberIn(reply);

        // then: stored with the sandbox's bytes; the listener never saw a request
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(reply).isEqualTo(ReceiptTexts.registered(new Receipt(number, new BigDecimal("100.00"), paidOn)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(receipt(source))
            .isEqualTo(List.of(number, "STORED", sha256(photo))));
        assertThat(captured).hasValue(0);
      } finally {
        listener.stop(0);
      }
    }

    @Test
    void shouldFailAMediaIdWithDotSegmentsBeforeAnyRequestWithAClearReason() {
      // given
      String phone = phone();
      maria(phone);
      LocalDate paidOn = LocalDate.now(LIMA).minusDays(1);
      String source = "abuse-traversal-" + phone;

      // when: review M6, the media id that reached the sandbox's /settings with the token
      HttpResponse<String> answer = ForgedWebhooks.post(stack, ForgedWebhooks.body(List.of(
          ForgedWebhooks.image(phone, source, "Monto: 100\nFecha: " + paidOn, "../settings", null))));
      String number = ChannelReceiptsSystemIT.numberIn(repliesAfter(phone, 1, 1).getFirst());

      // then: failed for its format, so no URL was built from it
      assertThat(answer.statusCode()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(receiptFailure(source))
          .isEqualTo(List.of(number, "FAILED", "WHAPI media id is not in WHAPI's format")));
    }
  }

  /** Item 5: idempotency keys scoped by provider and conversation (review H3). */
  @Nested
  class ScopedIdempotency {

    @Test
    void shouldAnswerATelegramMemberWhoseNextUpdateIdsWerePreClaimedOnWhatsapp() {
      // given: a Telegram member's first message, then an attacker claims her next five message ids
      ChannelMember telegram = new ChannelMember(stack.config().sandboxUrl(), Channel.TELEGRAM, chat());
      List<String> replies = new ArrayList<>(List.of(telegram.says("hola")));
      long updateId = telegram.lastWebhook().get("update_id").asLong();
      String attacker = phone();
      List<ObjectNode> claims = IntStream.rangeClosed(1, 5)
          .mapToObj(k -> ForgedWebhooks.text(attacker, "tg-update-" + (updateId + k), "hola")).toList();
      assertThat(ForgedWebhooks.post(stack, ForgedWebhooks.body(claims)).statusCode()).isEqualTo(200);
      repliesAfter(attacker, 0, 5);

      // when: she writes five more times, under exactly those ids
      List<Long> ids = new ArrayList<>();
      for (int k = 1; k <= 5; k++) {
        replies.add(telegram.says("hola"));
        ids.add(telegram.lastWebhook().get("update_id").asLong());
      }

      // then: every one of her six messages is answered
      assertThat(ids).containsExactly(updateId + 1, updateId + 2, updateId + 3, updateId + 4, updateId + 5);
      assertThat(replies).hasSize(6).allSatisfy(reply -> assertThat(reply).isNotBlank());
      assertThat(telegram.outbox()).hasSize(6);
    }

    @Test
    void shouldCreateTheAttackersOwnTicketWhenHeReusesAnotherMembersTicketMessageId() throws Exception {
      // given: José's ticket, and the message id of his description
      String victimPhone = phone();
      ChannelMember jose = new ChannelMember(stack.config().sandboxUrl(), Channel.WHAPI, victimPhone);
      assertThat(jose.says("DNI 87654321 año 1985")).isEqualTo(AuthTexts.welcome("José"));
      jose.says("crear ticket");
      jose.says("Cobro indebido");
      String victimTicket = ChannelTicketsSystemIT.numberIn(jose.says("Me cobraron dos veces la cuota 7"));
      String victimId = jose.lastWebhook().at("/messages/0/id").asString();

      // when: María, on her own number, answers her own ticket's description under José's id
      String attackerPhone = phone();
      ChannelMember maria = maria(attackerPhone);
      maria.says("crear ticket");
      maria.says("Asunto del atacante");
      int seen = memberOutbox(attackerPhone).size();
      assertThat(ForgedWebhooks.post(stack, ForgedWebhooks.body(List.of(
          ForgedWebhooks.text(attackerPhone, victimId, "Texto del atacante")))).statusCode()).isEqualTo(200);
      String created = repliesAfter(attackerPhone, seen, 1).getFirst();

      // then: a new ticket for María; José's ticket and transcript line untouched
      String attackerTicket = ChannelTicketsSystemIT.numberIn(created);
      assertThat(created).isEqualTo(TicketTexts.created(attackerTicket, "Asunto del atacante"));
      assertThat(attackerTicket).isNotEqualTo(victimTicket);
      assertThat(tickets(victimId)).containsExactly(
          List.of(victimTicket, "SOC-0002", "Cobro indebido", "Me cobraron dos veces la cuota 7", "wa:" + victimPhone),
          List.of(attackerTicket, "SOC-0001", "Asunto del atacante", "Texto del atacante", "wa:" + attackerPhone));
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(inboundLines(victimId)).containsExactlyInAnyOrder(
          List.of("wa:" + attackerPhone, "Texto del atacante"),
          List.of("wa:" + victimPhone, "Me cobraron dos veces la cuota 7")));
    }
  }

  /** María (demo member SOC-0001) identified on {@code phone}. */
  private static ChannelMember maria(String phone) {
    ChannelMember maria = new ChannelMember(stack.config().sandboxUrl(), Channel.WHAPI, phone);
    assertThat(maria.says("DNI 12345678 año 1990")).isEqualTo(AuthTexts.welcome("María"));
    return maria;
  }

  /** The bodies of {@code count} replies to {@code phone} after the first {@code seen}, waited for. */
  private static List<String> repliesAfter(String phone, int seen, int count) {
    return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
        .until(() -> memberOutbox(phone), o -> o.size() >= seen + count)
        .subList(seen, seen + count);
  }

  private static List<String> memberOutbox(String phone) {
    return new ChannelMember(stack.config().sandboxUrl(), Channel.WHAPI, phone).outbox().stream()
        .map(n -> n.get("body").asString()).toList();
  }

  private static String upload(byte[] jpeg) throws Exception {
    String body = JSON.createObjectNode().put("mimeType", "image/jpeg").put("name", "voucher.jpg")
        .put("base64", Base64.getEncoder().encodeToString(jpeg)).toString();
    HttpResponse<String> response = HTTP.send(
        HttpRequest.newBuilder(URI.create(stack.config().sandboxUrl() + "/sandbox/media"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(201);
    return JSON.readTree(response.body()).get("id").asString();
  }

  private static List<String> receipt(String source) throws Exception {
    return rows("SELECT r.number, r.status, f.sha256 FROM payment_receipt r "
        + "LEFT JOIN receipt_file f ON f.receipt_id = r.id WHERE r.source_message_id = ?", source, 3)
        .stream().findFirst().orElse(List.of());
  }

  private static List<String> receiptFailure(String source) throws Exception {
    return rows("SELECT number, status, failure_reason FROM payment_receipt WHERE source_message_id = ?", source, 3)
        .stream().findFirst().orElse(List.of());
  }

  private static List<List<String>> tickets(String source) throws Exception {
    return rows("SELECT t.number, p.code, t.subject, t.description, t.conversation_key FROM support_ticket t "
        + "JOIN partner p ON p.id = t.partner_id WHERE t.source_message_id = ? ORDER BY t.id", source, 5);
  }

  private static List<List<String>> inboundLines(String messageId) throws Exception {
    return rows("SELECT conversation_key, text FROM conversation_message WHERE message_id = ? AND direction = 'IN'",
        messageId, 2);
  }

  private static List<List<String>> rows(String sql, String parameter, int columns) throws Exception {
    try (Connection c = RunningStack.database(stack); PreparedStatement q = c.prepareStatement(sql)) {
      q.setString(1, parameter);
      try (ResultSet rs = q.executeQuery()) {
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            row.add(String.valueOf(rs.getString(i)));
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static String phone() {
    return "519" + ThreadLocalRandom.current().nextInt(50_000_000, 60_000_000);
  }

  private static String chat() {
    return Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
  }
}
