package pe.xofi.chat.conversation.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.WhapiExamples;
import pe.xofi.chat.conversation.engine.BotTexts;
import pe.xofi.chat.conversation.engine.ConversationEngine;
import pe.xofi.chat.conversation.engine.IntentDetector;
import pe.xofi.chat.conversation.engine.auth.AuthPolicy;
import pe.xofi.chat.conversation.engine.auth.AuthTexts;
import pe.xofi.chat.conversation.member.inmemory.InMemoryIdentificationLedger;
import pe.xofi.chat.conversation.member.inmemory.InMemoryPartnerDirectory;
import pe.xofi.chat.conversation.member.inmemory.InMemoryReceiptInbox;
import pe.xofi.chat.conversation.member.inmemory.InMemoryTicketDesk;
import pe.xofi.chat.conversation.parser.InboundParser;
import pe.xofi.chat.conversation.parser.whapi.WhapiMessageParser;
import pe.xofi.chat.conversation.replay.ReplyLine.Verdict;
import pe.xofi.chat.conversation.state.ConversationState;
import pe.xofi.chat.membercrypto.DataKeys;
import pe.xofi.chat.membercrypto.EnvelopeSealer;
import pe.xofi.chat.membercrypto.MasterKeys;
import pe.xofi.chat.membercrypto.MemberKeyStore;
import pe.xofi.chat.membercrypto.RecordSealer;
import pe.xofi.chat.membercrypto.StoredDataKey;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.inbound.Sender;
import pe.xofi.chat.schemas.outbound.OutboundMessage;
import pe.xofi.chat.schemas.privacy.CredentialMask;

class ReplayerTest {

  private static final String PHONE = "51987654321";
  private static final String KEY = "wa:" + PHONE;
  private static final Instant T0 = Instant.parse("2026-11-24T15:30:00Z");
  private static final ReplayScope SCOPE = new ReplayScope(KEY, "inbound-messages", 7, null, null);

  private final InboundParser parser = new InboundParser(List.of(new WhapiMessageParser()));

  private final List<LoggedInbound> conversation =
      List.of(
          logged(0, "wamid.r1", "Hola", T0),
          logged(1, "wamid.r2", "DNI 12345678 año 1990", T0.plusSeconds(20)),
          // a provider retry of the identification: dropped live, dropped in the replay
          logged(2, "wamid.r2", "DNI 12345678 año 1990", T0.plusSeconds(25)));

  @Test
  void shouldReportNoDifferenceWhenTheEngineIsUnchanged() {
    // given: what the live engine produced for the same messages
    List<OutboundMessage> live = liveReplies(conversation);

    // when
    ReplayReport report = replayer(UnaryOperator.identity()).replay(SCOPE, conversation, 0, live);

    // then
    assertThat(report.differences()).isZero();
    assertThat(report.replies()).isEqualTo(2);
    assertThat(report.messages())
        .extracting(ReplayedMessage::intent)
        .containsExactly("greeting", "authenticate", "duplicate");
    assertThat(report.messages().get(1).replies())
        .containsExactly(new ReplyLine("wamid.r2#1", AuthTexts.welcome("María"), AuthTexts.welcome("María"), Verdict.SAME));
    assertThat(report.messages().get(1).before()).isEqualTo(new StateSummary(null, null, 0, null, null));
    assertThat(report.messages().get(1).after()).isEqualTo(new StateSummary(1L, T0.plusSeconds(20), 0, null, null));
  }

  @Test
  void shouldOpenSealedRecordsWithTheKeySetAndShowThemSealedWithout() {
    // given: the conversation as the ingress and the engine publish it, sealed
    java.util.Map<String, StoredDataKey> keys = new java.util.concurrent.ConcurrentHashMap<>();
    String keyset = MasterKeys.generateJson();
    EnvelopeSealer producers = sealer(keyset, keys);
    List<LoggedInbound> sealed = conversation.stream()
        .map(record -> new LoggedInbound(record.offset(), record.timestamp(), producers.seal(record.envelope()))).toList();
    List<OutboundMessage> live = liveReplies(conversation).stream().map(producers::seal).toList();

    // when: an operator with the key set, then one without
    ReplayReport authorised = new Replayer(parser, engine(), UnaryOperator.identity(), sealer(keyset, keys))
        .replay(SCOPE, sealed, 0, live);
    ReplayReport withoutKeys = replayer(UnaryOperator.identity()).replay(SCOPE, sealed, 0, live);

    // then
    assertThat(authorised.differences()).isZero();
    assertThat(authorised.messages()).extracting(ReplayedMessage::said)
        .containsExactly("Hola", "DNI ******** año ****", "DNI ******** año ****");
    assertThat(withoutKeys.messages()).extracting(ReplayedMessage::said)
        .containsExactly(Replayer.SEALED, Replayer.SEALED, Replayer.SEALED);
    assertThat(TranscriptText.of(withoutKeys)).doesNotContain("12345678").doesNotContain("1990").doesNotContain("María");
  }

  @Test
  void shouldShowAForgottenMembersRecordsAsForgotten() {
    // given: a sealed conversation whose data key was deleted by ./xofi forget
    java.util.Map<String, StoredDataKey> keys = new java.util.concurrent.ConcurrentHashMap<>();
    String keyset = MasterKeys.generateJson();
    EnvelopeSealer producers = sealer(keyset, keys);
    List<LoggedInbound> sealed = conversation.stream()
        .map(record -> new LoggedInbound(record.offset(), record.timestamp(), producers.seal(record.envelope()))).toList();
    keys.clear();

    // when
    ReplayReport report = new Replayer(parser, engine(), UnaryOperator.identity(), sealer(keyset, keys))
        .replay(SCOPE, sealed, 0, null);

    // then
    assertThat(report.messages()).extracting(ReplayedMessage::said)
        .containsExactly(Replayer.FORGOTTEN, Replayer.FORGOTTEN, Replayer.FORGOTTEN);
  }

  /** A sealer over {@code keys}, as another instance with the same key set. */
  private static EnvelopeSealer sealer(String keyset, java.util.Map<String, StoredDataKey> keys) {
    MemberKeyStore store = new MemberKeyStore() {
      @Override
      public java.util.Optional<StoredDataKey> find(String conversationKey) {
        return java.util.Optional.ofNullable(keys.get(conversationKey));
      }

      @Override
      public StoredDataKey createIfAbsent(String conversationKey, StoredDataKey candidate) {
        return keys.computeIfAbsent(conversationKey, k -> candidate);
      }

      @Override
      public int delete(String conversationKey) {
        return keys.remove(conversationKey) == null ? 0 : 1;
      }
    };
    return new EnvelopeSealer(new RecordSealer(new DataKeys(MasterKeys.fromJson(keyset), store)));
  }

  @Test
  void shouldMaskTheDniAndBirthYearOfWhatTheMemberSaid() {
    // when
    ReplayReport report = replayer(UnaryOperator.identity()).replay(SCOPE, conversation, 0, null);

    // then
    assertThat(report.messages()).extracting(ReplayedMessage::said)
        .containsExactly("Hola", "DNI ******** año ****", "DNI ******** año ****");
    assertThat(TranscriptText.of(report)).doesNotContain("12345678").doesNotContain("1990");
  }

  @Test
  void shouldMarkExactlyTheRepliesWhoseTextChanged() {
    // given
    List<OutboundMessage> live = liveReplies(conversation);

    // when: a what-if change of the welcome text
    ReplayReport report =
        replayer(text -> text.replace("Te identificaste correctamente.", "Ya te identificamos."))
            .replay(SCOPE, conversation, 0, live);

    // then
    String changed = AuthTexts.welcome("María").replace("Te identificaste correctamente.", "Ya te identificamos.");
    assertThat(report.differences()).isEqualTo(1);
    assertThat(report.messages().stream().flatMap(m -> m.replies().stream()).filter(l -> l.verdict().isDifference()))
        .containsExactly(new ReplyLine("wamid.r2#1", changed, AuthTexts.welcome("María"), Verdict.CHANGED));
  }

  @Test
  void shouldMarkLiveRepliesTheReplayDoesNotSayAndRepliesNeverProduced() {
    // given: live produced a second reply to "Hola" and nothing for the identification
    List<OutboundMessage> live = new ArrayList<>(liveReplies(conversation.subList(0, 1)));
    live.add(reply("wamid.r1#2", "extra"));

    // when
    ReplayReport report = replayer(UnaryOperator.identity()).replay(SCOPE, conversation, 0, live);

    // then
    assertThat(report.messages().get(0).replies())
        .containsExactly(
            new ReplyLine("wamid.r1#1", CredentialMask.mask(BotTexts.WELCOME), CredentialMask.mask(BotTexts.WELCOME), Verdict.SAME),
            new ReplyLine("wamid.r1#2", null, "extra", Verdict.EXTRA));
    assertThat(report.messages().get(1).replies())
        .containsExactly(new ReplyLine("wamid.r2#1", AuthTexts.welcome("María"), null, Verdict.MISSING));
    assertThat(report.differences()).isEqualTo(2);
  }

  @Test
  void shouldPrintTheTranscriptWithoutComparisonWhenNotAsked() {
    // when
    ReplayReport report = replayer(UnaryOperator.identity()).replay(SCOPE, conversation.subList(0, 1), 0, null);

    // then
    assertThat(TranscriptText.of(report))
        .isEqualTo(
            """
            Replay of wa:51987654321: inbound-messages partition 7, from the beginning of the retained log to the end of the log
            State starts empty at the first message; the engine's "now" is each message's received-at.

            #1  offset 0  2026-11-24T15:30:00Z  wamid.r1
              member: Hola
              intent: greeting
              before: not identified, no form
              after: not identified, no form
              bot wamid.r1#1: %s

            1 messages, 1 replies.
            """
                .formatted(CredentialMask.mask(BotTexts.WELCOME).replaceAll("\n(?=.)", "\n    ")));
  }

  private Replayer replayer(UnaryOperator<String> rewrite) {
    return new Replayer(parser, engine(), rewrite);
  }

  private static ConversationEngine engine() {
    return new ConversationEngine(
        new IntentDetector(),
        new InMemoryPartnerDirectory(),
        new InMemoryIdentificationLedger(),
        AuthPolicy.defaults(),
        new InMemoryTicketDesk(),
        new InMemoryReceiptInbox());
  }

  /** What the live engine sent for {@code records}, handled in order from an empty state. */
  private List<OutboundMessage> liveReplies(List<LoggedInbound> records) {
    ConversationEngine live = engine();
    ConversationState state = ConversationState.start(Channel.WHATSAPP);
    List<OutboundMessage> replies = new ArrayList<>();
    for (LoggedInbound record : records) {
      var decision = live.decide(state, parser.parse(KEY, record.envelope()), record.envelope().receivedAt());
      replies.addAll(decision.replies());
      state = decision.state();
    }
    return replies;
  }

  private static OutboundMessage reply(String id, String text) {
    return new OutboundMessage(
        id, Channel.WHATSAPP, Provider.WHAPI, KEY, PHONE, new pe.xofi.chat.schemas.outbound.OutboundContent.Text(text),
        id.substring(0, id.indexOf('#')), T0);
  }

  private static LoggedInbound logged(long offset, String messageId, String body, Instant receivedAt) {
    return new LoggedInbound(
        offset,
        receivedAt.toEpochMilli(),
        new InboundEnvelope(
            messageId, Channel.WHATSAPP, Provider.WHAPI, KEY, new Sender(PHONE, "Socio"), receivedAt, null,
            WhapiExamples.text(messageId, PHONE, body)));
  }
}
