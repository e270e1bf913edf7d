package pe.xofi.chat.conversation.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import pe.xofi.chat.conversation.engine.auth.AuthPolicy;
import pe.xofi.chat.conversation.member.Partner;
import pe.xofi.chat.conversation.member.inmemory.InMemoryIdentificationLedger;
import pe.xofi.chat.conversation.member.inmemory.InMemoryPartnerDirectory;
import pe.xofi.chat.conversation.member.inmemory.InMemoryReceiptInbox;
import pe.xofi.chat.conversation.member.inmemory.InMemoryTicketDesk;
import pe.xofi.chat.conversation.message.InboundMessage.Text;
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

/** An engine over the demo members in memory, a fixed "now" and helpers to build whole expected values. */
public final class EngineFixture {

  /** 10:30 in Lima on 24/11/2026. */
  public static final Instant NOW = Instant.parse("2026-11-24T15:30:00Z");

  public static final String PHONE = "51987654321";
  public static final ConversationKey KEY = ConversationKey.whatsapp(PHONE);
  public static final ConversationState NEW = ConversationState.start(Channel.WHATSAPP);

  /** The operators' view of a conversation without session or form. */
  public static final ConversationSnapshot NO_SESSION = new ConversationSnapshot(null, false, null, Map.of());

  /** The operators' view of María's conversation (partner 1) with a session and no form. */
  public static final ConversationSnapshot MARIA_SESSION = new ConversationSnapshot(1L, true, null, Map.of());

  public final InMemoryPartnerDirectory partners = new InMemoryPartnerDirectory();
  public final InMemoryTicketDesk tickets = new InMemoryTicketDesk();
  public final InMemoryReceiptInbox receipts = new InMemoryReceiptInbox();
  public final InMemoryIdentificationLedger identifications = new InMemoryIdentificationLedger();
  public final ConversationEngine engine;

  /** The engine under the default identification policy. */
  public EngineFixture() {
    this(AuthPolicy.defaults());
  }

  public EngineFixture(AuthPolicy policy) {
    this.engine = new ConversationEngine(new IntentDetector(), partners, identifications, policy, tickets, receipts);
  }

  public static MessageOrigin origin(String messageId) {
    return new MessageOrigin(messageId, KEY, Channel.WHATSAPP, Provider.WHAPI);
  }

  public static Text text(String messageId, String body) {
    return new Text(origin(messageId), body);
  }

  /** A text in another conversation: another WhatsApp number, or a Telegram chat (provider TELEGRAM). */
  public static Text text(ConversationKey key, String messageId, String body) {
    Provider provider = key.channel() == Channel.TELEGRAM ? Provider.TELEGRAM : Provider.WHAPI;
    return new Text(new MessageOrigin(messageId, key, key.channel(), provider), body);
  }

  /** A conversation in which {@code partner} identified at {@code at} with message {@code wamid.auth}. */
  public static ConversationState signedIn(Partner partner, Instant at) {
    return NEW.withSession(partner.id(), at).afterHandling("wamid.auth", at);
  }

  /** The texts of a decision's replies, in order. */
  public static List<String> texts(Decision decision) {
    return decision.replies().stream().map(reply -> reply.content().fallbackText()).toList();
  }

  /** The types of a decision's events, in order. */
  public static List<ConversationEventType> eventTypes(Decision decision) {
    return decision.events().stream().map(ConversationEvent::type).toList();
  }

  public static OutboundMessage reply(String inboundId, int n, String text, Instant at) {
    return reply(inboundId, n, new OutboundContent.Text(text), at);
  }

  public static OutboundMessage reply(String inboundId, int n, OutboundContent content, Instant at) {
    return new OutboundMessage(
        inboundId + "#" + n,
        Channel.WHATSAPP,
        Provider.WHAPI,
        KEY.toString(),
        PHONE,
        content,
        inboundId,
        at);
  }

  public static ConversationEvent event(
      String inboundId, ConversationEventType type, String intent, Instant at, Map<String, String> attributes) {
    return new ConversationEvent(
        inboundId + "/" + type.name(), KEY.toString(), type, inboundId, intent, at, 0, attributes);
  }

  /** The {@code MESSAGE_HANDLED} fact of a message after which operators see {@code snapshot}. */
  public static ConversationEvent handled(
      String inboundId, String intent, int replies, Instant at, ConversationSnapshot snapshot) {
    return event(inboundId, ConversationEventType.MESSAGE_HANDLED, intent, at, Map.of("replies", Integer.toString(replies)))
        .withSnapshot(snapshot);
  }
}
