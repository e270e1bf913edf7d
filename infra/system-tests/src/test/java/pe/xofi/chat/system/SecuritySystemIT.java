package pe.xofi.chat.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.engine.auth.AuthTexts;
import pe.xofi.chat.localstack.LocalStack;
import pe.xofi.chat.localstack.ManagedProcess;
import pe.xofi.chat.localstack.ServiceModule;
import pe.xofi.chat.localstack.StackSecrets;
import pe.xofi.chat.schemas.Topics;

/**
 * Attacks through the real processes: brute force of DNI and birth year is locked (5 failures of a
 * day lock the conversation for 15 minutes, even for the right credentials; 5 failures of one DNI
 * from any numbers lock that DNI, however the attacker interleaves his own identification), one
 * member never sees another's data whatever she types, unauthenticated WHAPI, Meta and Telegram
 * webhooks get 401 and publish nothing (the stack runs with the run's generated secrets), a
 * transcript needs a staff login, actuator is not on any public port, and none of the members'
 * personal data reaches a log line.
 */
class SecuritySystemIT {

  private static final ZoneId LIMA = ZoneId.of("America/Lima");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Names and a caption a member controls, sent through authentic webhooks: never to be logged. */
  private static final String MEMBER_TYPED_NAME = "Wilfredo Quispicanchi";
  private static final String MEMBER_TYPED_USERNAME = "wquispicanchi77";
  private static final String MEMBER_TYPED_CAPTION = "Hola soy Wilfredo de Quispicanchi";

  private static LocalStack stack;
  private static TestPartner ana;
  private static TestPartner bruno;
  /** The targets of the brute-force tests: their DNIs end locked, so no other test identifies as them. */
  private static TestPartner carla;
  private static TestPartner dora;

  /** A member inserted for this test only, with data no other test or demo member has. */
  record TestPartner(
      String dni, int birthYear, String firstNames, String lastNames, String phone, String email,
      String address, String loanCode, String principal, String installment) {}

  @BeforeAll
  static void startStackAndInsertTwoMembers() throws SQLException {
    stack = RunningStack.shared();
    int seed = ThreadLocalRandom.current().nextInt(100, 1_000);
    ana = new TestPartner(dni(), 1979, "Filomena Anacleta", "Chuquimamani Yupa", phone(),
        "filomena" + seed + "@example.pe", "Av. Las Retamas 581", "PR-71" + seed, "6543.21", "318.47");
    bruno = new TestPartner(dni(), 1968, "Eulogio Casimiro", "Huamanchumo Ticlla", phone(),
        "eulogio" + seed + "@example.pe", "Jr. Los Pinos 742", "PR-72" + seed, "7777.77", "432.19");
    carla = new TestPartner(dni(), 1983, "Carla Sabina", "Ccahuana Pari", phone(),
        "carla" + seed + "@example.pe", "Av. Los Incas 120", "PR-73" + seed, "2500.00", "150.00");
    dora = new TestPartner(dni(), 1991, "Dora Inés", "Huarcaya Sulca", phone(),
        "dora" + seed + "@example.pe", "Jr. Ayacucho 310", "PR-74" + seed, "3100.00", "180.00");
    try (Connection c = RunningStack.database(stack)) {
      insert(c, ana, seed);
      insert(c, bruno, seed + 1_000);
      insert(c, carla, seed + 2_000);
      insert(c, dora, seed + 3_000);
    }
  }

  @AfterAll
  static void noPersonalDataOfTheseMembersInAnyLog() throws IOException {
    // names and captions are member-controlled and reach the services: none may be logged
    List<String> personal = new ArrayList<>();
    for (TestPartner partner : List.of(ana, bruno, carla, dora)) {
      personal.addAll(List.of(partner.dni(), partner.phone(), "año " + partner.birthYear(), partner.email(),
          partner.firstNames().split(" ")[0], partner.lastNames().split(" ")[0], partner.address()));
    }
    personal.addAll(List.of("Monto: 432.19", MEMBER_TYPED_NAME, MEMBER_TYPED_USERNAME, MEMBER_TYPED_CAPTION));
    Path logs = stack.config().runDir().resolve("logs");
    List<String> leaks = new ArrayList<>();
    try (Stream<Path> files = Files.list(logs)) {
      for (Path file : files.filter(f -> !f.getFileName().toString().startsWith("kafka")).toList()) {
        try (Stream<String> lines = Files.lines(file)) {
          lines.filter(line -> personal.stream().anyMatch(line::contains))
              .forEach(line -> leaks.add(file.getFileName() + ": " + line));
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void shouldLockIdentificationAfterFiveWrongAttemptsEvenForTheRightCredentials() {
    // given
    String attackerPhone = phone();
    SandboxMember attacker = member(attackerPhone);
    Instant before = Instant.now();

    // when
    List<String> replies = new ArrayList<>();
    for (int year = 1901; year <= 1905; year++) {
      replies.add(attacker.says("DNI " + carla.dni() + " año " + year));
    }
    String rightCredentials = attacker.says("DNI " + carla.dni() + " año " + carla.birthYear());
    Instant beforeLast = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String mine = attacker.says("mis datos");
    Instant after = Instant.now();

    // then: four refusals, then the lock, until 15 minutes after the fifth failure
    assertThat(replies.subList(0, 4)).containsOnly(AuthTexts.AUTH_FAILED);
    Set<String> lockTexts = Stream.iterate(before.plus(Duration.ofMinutes(15)).truncatedTo(ChronoUnit.MINUTES),
            t -> !t.isAfter(after.plus(Duration.ofMinutes(16))), t -> t.plus(Duration.ofMinutes(1)))
        .map(AuthTexts::locked).collect(Collectors.toSet());
    assertThat(replies.get(4)).isIn(lockTexts);
    assertThat(rightCredentials).isEqualTo(replies.get(4));
    assertThat(mine).isEqualTo(AuthTexts.AUTH_REQUIRED);
    // the operators' projection trails the engine: read it once it holds the last message
    assertThat(projectedAfter("wa:" + attackerPhone, beforeLast)).isEqualTo(List.of("unidentified"));
  }

  @Test
  void shouldLockAnotherMembersDniWhenAMemberInterleavesHisOwnIdentificationOrChangesNumber() {
    // given: Bruno guesses Dora's birth year four at a time from a number of his, identifying as
    // himself in between (which used to reset the count), then once more from another number
    SandboxMember attacker = member(phone());
    List<String> guesses = new ArrayList<>();
    int year = 1901;
    for (int guess = 0; guess < 4; guess++) {
      guesses.add(attacker.says("DNI " + dora.dni() + " año " + year++));
    }
    attacker.says("DNI " + bruno.dni() + " año " + bruno.birthYear());
    attacker.says("salir");
    guesses.add(member(phone()).says("DNI " + dora.dni() + " año " + year));

    // when: the right year, from the first number and from a third one
    String fromFirst = attacker.says("DNI " + dora.dni() + " año " + dora.birthYear());
    String fromThird = member(phone()).says("DNI " + dora.dni() + " año " + dora.birthYear());

    // then: Dora's DNI is locked for every number, answered exactly like a wrong year
    assertThat(guesses).containsOnly(AuthTexts.AUTH_FAILED);
    assertThat(List.of(fromFirst, fromThird)).isEqualTo(List.of(AuthTexts.AUTH_FAILED, AuthTexts.AUTH_FAILED));
  }

  @Test
  void shouldNeverShowAMemberAnotherMembersDataWhateverSheTypes() {
    // given: Bruno has a ticket and a receipt, Ana is identified on her own phone
    SandboxMember b = member(bruno.phone());
    b.says("DNI " + bruno.dni() + " año " + bruno.birthYear());
    b.says("crear ticket");
    b.says("Cuota duplicada");
    String ticket = ChannelTicketsSystemIT.numberIn(b.says("Me cobraron dos veces la cuota de marzo"));
    LocalDate paidOn = LocalDate.now(LIMA).minusDays(2);
    String receipt = ChannelReceiptsSystemIT.numberIn(b.sendsFile("voucher.jpg", "image/jpeg",
        ReceiptFiles.jpeg("bruno's voucher"), "Monto: 432.19\nFecha: " + paidOn, 1).getFirst());
    SandboxMember a = member(ana.phone());
    a.says("DNI " + ana.dni() + " año " + ana.birthYear());
    String unknownCode = "PR-70" + bruno.loanCode().substring(5);

    // when: Ana tries Bruno's loan code, ticket and receipt numbers and DNI in every shape she can
    Map<String, String> replies = new LinkedHashMap<>();
    for (String text : List.of(
        "detalle " + bruno.loanCode(), "detalle " + bruno.loanCode().toLowerCase(), bruno.loanCode(),
        "préstamo " + bruno.loanCode().substring(3), "cuánto debo en el " + bruno.loanCode(),
        "estado de cuenta " + bruno.loanCode(), "mis préstamos " + bruno.loanCode(),
        "ticket " + ticket, "cancelar", "estado del " + ticket, "comprobante " + receipt, "cancelar", receipt,
        "DNI " + bruno.dni(), bruno.dni(), "mis datos " + bruno.dni(), "estado de cuenta del DNI " + bruno.dni(),
        "DNI " + bruno.dni() + " año " + (bruno.birthYear() + 1), bruno.dni() + " " + (bruno.birthYear() - 1),
        "dni:" + bruno.dni(), "datos personales de " + bruno.dni(), "préstamos de " + bruno.dni(),
        "socio " + bruno.dni() + " " + bruno.firstNames(), "mis datos", "estado de cuenta", "mis préstamos",
        "detalle " + unknownCode)) {
      replies.merge(text, String.join("\n", a.says(text, 1)), (x, y) -> x + "\n" + y);
    }

    // then: nothing of Bruno's, and his loan code is answered exactly as a code nobody has
    List<String> brunos = List.of(bruno.firstNames().split(" ")[0], bruno.lastNames().split(" ")[0], bruno.dni(),
        bruno.phone(), bruno.email(), bruno.address(), "7,777.77", "432.19", ticket, receipt);
    replies.forEach((text, reply) ->
        assertThat(brunos).as("reply to %s: %s", text, reply).noneMatch(reply::contains));
    assertThat(replies.get("detalle " + bruno.loanCode()).replace(bruno.loanCode(), "PR-XXXX"))
        .isEqualTo(replies.get("detalle " + unknownCode).replace(unknownCode, "PR-XXXX"));
    assertThat(replies.get("mis datos")).contains(ana.firstNames()).contains(ana.email());
    assertThat(replies.get("mis préstamos")).contains(ana.loanCode()).doesNotContain(bruno.loanCode());
  }

  @Test
  void shouldRefuseWhapiWebhooksWithoutTheSecretWhateverOtherHeaderTheyCarryAndPublishNothing() throws Exception {
    // given: the stack runs with its generated WHAPI secret (and a Meta app secret)
    String unsigned = phone(), wrongSecret = phone(), metaHeader = phone(), bearerWrong = phone();
    String whatsapp = stack.config().ingressUrl() + "/chatbot/webhook/whatsapp/";

    // when
    List<Integer> statuses = List.of(
        post(whatsapp, whapi(unsigned), Map.of()),
        post(whatsapp, whapi(wrongSecret), Map.of("X-Webhook-Secret", "guessed-secret")),
        // review C1: a Meta signature header must not stand in for the WHAPI secret
        post(whatsapp, whapi(metaHeader), Map.of("X-Hub-Signature-256", "sha256=00")),
        post(whatsapp, whapi(bearerWrong), Map.of("Authorization", "Bearer guessed-secret")));

    // and: the authentic one is answered
    String authentic = phone();
    assertThat(post(whatsapp, whapi(authentic), Map.of("X-Webhook-Secret", secret(StackSecrets.WHATSAPP_WEBHOOK_SECRET))))
        .isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> !member(authentic).outbox().isEmpty());

    // then: the refused ones were answered before the authentic one was published and answered
    assertThat(statuses).containsExactly(401, 401, 401, 401);
    assertThat(inboundKeys())
        .contains("wa:" + authentic)
        .doesNotContainAnyElementsOf(Set.of("wa:" + unsigned, "wa:" + wrongSecret, "wa:" + metaHeader, "wa:" + bearerWrong));
    assertThat(member(unsigned).outbox()).isEmpty();
  }

  @Test
  void shouldAnswerATranscriptOnlyToALoggedInOperator() throws Exception {
    // given: a member with a transcript
    String phone = phone();
    member(phone).says("Hola");
    URI transcript = StackRequests.conversationService(stack, "/ops/conversations/" + phone);
    await().atMost(Duration.ofSeconds(30)).until(() -> get(StackRequests.asOperator(stack, transcript)).statusCode() == 200);

    // when
    HttpResponse<String> anonymous = get(HttpRequest.newBuilder(transcript).GET());
    HttpResponse<String> wrongPassword = get(HttpRequest.newBuilder(transcript).GET()
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
            (StackSecrets.OPERATOR + ":guessed").getBytes(StandardCharsets.UTF_8))));
    HttpResponse<String> operator = get(StackRequests.asOperator(stack, transcript));

    // then
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).doesNotContain("Hola");
    assertThat(wrongPassword.statusCode()).isEqualTo(401);
    assertThat(wrongPassword.body()).doesNotContain("Hola");
    assertThat(operator.statusCode()).isEqualTo(200);
    assertThat(operator.body()).contains("Hola");
  }

  @Test
  void shouldServeNoActuatorEndpointOnAnyPublicPort() throws Exception {
    // given
    Map<String, Integer> refused = new LinkedHashMap<>();

    // when
    for (ServiceModule service : List.of(ServiceModule.INGRESS, ServiceModule.CONVERSATION, ServiceModule.OUTBOUND)) {
      for (String endpoint : List.of("health", "health/readiness", "prometheus", "info", "metrics", "env")) {
        URI uri = URI.create("http://localhost:" + service.port(stack.config()) + "/actuator/" + endpoint);
        refused.put(service.artifact() + " /actuator/" + endpoint, get(HttpRequest.newBuilder(uri).GET()).statusCode());
      }
    }

    // then: not found, or behind the staff login; never an answer
    assertThat(refused).allSatisfy((endpoint, status) -> assertThat(status).as(endpoint).isIn(401, 404));
    assertThat(ManagedProcess.answers200(ServiceModule.INGRESS.healthUrl(stack.config()))).isTrue();
  }

  @Test
  void shouldRefuseMetaAndTelegramWebhooksWithoutTheirSignatureOrSecretAndPublishNothing() throws Exception {
    // given: the stack's Meta app secret and Telegram secret token are set (generated for the run)
    String metaUnsigned = phone(), metaForged = phone(), metaResigned = phone();
    long telegramNone = chat(), telegramWrong = chat();
    String whatsapp = stack.config().ingressUrl() + "/chatbot/webhook/whatsapp/";
    String telegram = stack.config().ingressUrl() + "/chatbot/webhook/telegram/";

    // when
    List<Integer> statuses = List.of(
        post(whatsapp, meta(metaUnsigned), Map.of()),
        post(whatsapp, meta(metaForged), Map.of("X-Hub-Signature-256", sign(meta(metaForged), "guessed-secret"))),
        // a genuine signature of another body does not cover this one
        post(whatsapp, meta(metaResigned), Map.of("X-Hub-Signature-256", sign(meta(metaForged), secret(StackSecrets.WHATSAPP_APP_SECRET)))),
        post(telegram, telegram(telegramNone), Map.of()),
        post(telegram, telegram(telegramWrong), Map.of("X-Telegram-Bot-Api-Secret-Token", "guessed-secret")));

    // and: authentic ones, with names and text the member controls, are answered
    String metaAuthentic = phone();
    long telegramAuthentic = chat();
    String metaBody = meta(metaAuthentic).replace("\"Socio\"", "\"" + MEMBER_TYPED_NAME + "\"")
        .replace("\"Hola\"", "\"" + MEMBER_TYPED_CAPTION + "\"");
    String telegramBody = telegram(telegramAuthentic).replace("\"first_name\":\"Socio\"",
        "\"first_name\":\"" + MEMBER_TYPED_NAME + "\",\"username\":\"" + MEMBER_TYPED_USERNAME + "\"");
    List<Integer> authentic = List.of(
        post(whatsapp, metaBody, Map.of("X-Hub-Signature-256", sign(metaBody, secret(StackSecrets.WHATSAPP_APP_SECRET)))),
        post(telegram, telegramBody, Map.of("X-Telegram-Bot-Api-Secret-Token", secret(StackSecrets.TELEGRAM_WEBHOOK_SECRET))));
    assertThat(authentic).containsExactly(200, 200);
    for (String chat : List.of(metaAuthentic, Long.toString(telegramAuthentic))) {
      await().atMost(Duration.ofSeconds(30)).until(() -> !member(chat).outbox().isEmpty());
    }

    // then: the refused ones were answered before the authentic ones were published and answered
    assertThat(statuses).containsExactly(401, 401, 401, 401, 401);
    Set<String> refusedKeys = Set.of("wa:" + metaUnsigned, "wa:" + metaForged, "wa:" + metaResigned,
        "tg:" + telegramNone, "tg:" + telegramWrong);
    assertThat(inboundKeys()).doesNotContainAnyElementsOf(refusedKeys);
  }

  private static String secret(String name) {
    return stack.secrets().get(name);
  }

  private static HttpResponse<String> get(HttpRequest.Builder request) throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static SandboxMember member(String phone) {
    return new SandboxMember(stack.config().sandboxUrl(), phone);
  }

  private static void insert(Connection c, TestPartner p, int number) throws SQLException {
    long partnerId;
    try (PreparedStatement q = c.prepareStatement("""
        INSERT INTO partner (code, dni, first_names, last_names, birth_date, phone, email, address)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
      q.setString(1, "SOC-SEC" + number);
      q.setString(2, p.dni());
      q.setString(3, p.firstNames());
      q.setString(4, p.lastNames());
      q.setObject(5, LocalDate.of(p.birthYear(), 6, 15));
      q.setString(6, p.phone());
      q.setString(7, p.email());
      q.setString(8, p.address());
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        partnerId = rs.getLong(1);
      }
    }
    long loanId;
    try (PreparedStatement q = c.prepareStatement("""
        INSERT INTO loan (partner_id, code, product, principal, annual_rate, term_months, disbursed_on)
        VALUES (?, ?, 'Crédito personal', ?::numeric, 18.00, 24, ?) RETURNING id""")) {
      q.setLong(1, partnerId);
      q.setString(2, p.loanCode());
      q.setString(3, p.principal());
      q.setObject(4, LocalDate.now(LIMA).minusMonths(3));
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        loanId = rs.getLong(1);
      }
    }
    try (PreparedStatement q = c.prepareStatement(
        "INSERT INTO installment (loan_id, number, due_date, amount) VALUES (?, ?, ?, ?::numeric)")) {
      for (int n = 1; n <= 24; n++) {
        q.setLong(1, loanId);
        q.setInt(2, n);
        q.setObject(3, LocalDate.now(LIMA).minusMonths(2).plusMonths(n - 1));
        q.setString(4, p.installment());
        q.addBatch();
      }
      q.executeBatch();
    }
  }

  /**
   * Who {@code agent_conversation} says is identified in conversation {@code key} ("partner 7"
   * or "unidentified"), once the projector has written a message received at or after {@code since}.
   */
  private static List<String> projectedAfter(String key, Instant since) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> {
          try (Connection c = RunningStack.database(stack);
              PreparedStatement q = c.prepareStatement(
                  "SELECT partner_id, authenticated FROM agent_conversation WHERE conversation_key = ?"
                      + " AND last_message_at >= ?")) {
            q.setString(1, key);
            q.setObject(2, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
            try (ResultSet rs = q.executeQuery()) {
              List<String> rows = new ArrayList<>();
              while (rs.next()) {
                rows.add(rs.getBoolean(2) ? "partner " + rs.getLong(1) : "unidentified");
              }
              return rows;
            }
          }
        }, rows -> !rows.isEmpty());
  }

  /** Every key on inbound-messages, read from the beginning to the end offsets as of now. */
  private static Set<String> inboundKeys() {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.config().bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.INBOUND_MESSAGES.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      Set<String> keys = new java.util.HashSet<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          keys.add(record.key());
        }
      }
      return keys;
    }
  }

  private static int post(String url, String body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String whapi(String phone) {
    return """
        {"messages":[{"id":"sec-whapi-%1$s","from_me":false,"type":"text","chat_id":"%1$s@s.whatsapp.net",\
        "timestamp":1736953200,"source":"mobile","text":{"body":"Hola"},"from":"%1$s","from_name":"Socio"}],\
        "event":{"type":"messages","event":"post"},"channel_id":"SEC"}""".formatted(phone);
  }

  private static String meta(String phone) {
    return """
        {"object":"whatsapp_business_account","entry":[{"id":"WABA-1","changes":[{"value":\
        {"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550000000","phone_number_id":"100000000000001"},\
        "contacts":[{"profile":{"name":"Socio"},"wa_id":"%1$s"}],"messages":[{"from":"%1$s","id":"wamid.sec-%1$s",\
        "timestamp":"1736953200","type":"text","text":{"body":"Hola"}}]},"field":"messages"}]}]}""".formatted(phone);
  }

  private static String telegram(long chat) {
    return """
        {"update_id":%1$d,"message":{"message_id":7,"from":{"id":%1$d,"is_bot":false,"first_name":"Socio"},\
        "chat":{"id":%1$d,"first_name":"Socio","type":"private"},"date":1736953200,"text":"Hola"}}""".formatted(chat);
  }

  private static String sign(String body, String secret) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static String dni() {
    return Integer.toString(ThreadLocalRandom.current().nextInt(70_000_000, 80_000_000));
  }

  private static String phone() {
    return "519" + ThreadLocalRandom.current().nextInt(60_000_000, 70_000_000);
  }

  private static long chat() {
    return ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
  }
}
