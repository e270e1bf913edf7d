package pe.xofi.chat.conversation.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import pe.xofi.chat.conversation.engine.account.AccountHandler;
import pe.xofi.chat.conversation.engine.auth.AuthHandler;
import pe.xofi.chat.conversation.engine.auth.AuthPolicy;
import pe.xofi.chat.conversation.engine.receipt.ReceiptHandler;
import pe.xofi.chat.conversation.engine.ticket.TicketHandler;
import pe.xofi.chat.conversation.member.IdentificationLedger;
import pe.xofi.chat.conversation.member.Partner;
import pe.xofi.chat.conversation.member.PartnerDirectory;
import pe.xofi.chat.conversation.member.ReceiptInbox;
import pe.xofi.chat.conversation.member.TicketDesk;
import pe.xofi.chat.conversation.message.InboundMessage;
import pe.xofi.chat.conversation.message.InboundMessage.ButtonReply;
import pe.xofi.chat.conversation.message.InboundMessage.Media;
import pe.xofi.chat.conversation.message.InboundMessage.Text;
import pe.xofi.chat.conversation.message.InboundMessage.Unsupported;
import pe.xofi.chat.conversation.message.MessageOrigin;
import pe.xofi.chat.conversation.state.ConversationState;
import pe.xofi.chat.conversation.state.PendingForm;
import pe.xofi.chat.conversation.state.PendingForm.CreateTicket;
import pe.xofi.chat.conversation.state.PendingForm.UploadReceipt;
import pe.xofi.chat.schemas.events.ConversationEventType;

/**
 * The conversation engine: a function of the conversation's state, the member's message and the
 * message's received-at (never the wall clock) over the member ports, so replaying the same events
 * over the same data gives the same replies. A message id handled recently is a provider retry and
 * gets no reply; a pending form takes the member's text, except "cancelar" and "salir".
 *
 * @throws pe.xofi.chat.conversation.member.MemberDataUnavailableException from {@link #decide} when
 *     the member data cannot be read; nothing was decided and the message must be retried
 */
public final class ConversationEngine {

  /** Provider message types that are noise rather than something a member said to the bot. */
  private static final Set<String> SILENT_TYPES =
      Set.of(Unsupported.OWN_ECHO, "action", "system", "revoked");

  private final IntentDetector intents;
  private final AuthHandler auth;
  private final AccountHandler account;
  private final TicketHandler tickets;
  private final ReceiptHandler receipts;

  public ConversationEngine(
      IntentDetector intents,
      PartnerDirectory partners,
      IdentificationLedger identifications,
      AuthPolicy authPolicy,
      TicketDesk desk,
      ReceiptInbox inbox) {
    this.intents = intents;
    this.auth = new AuthHandler(partners, identifications, authPolicy);
    this.account = new AccountHandler(partners);
    this.tickets = new TicketHandler(desk);
    this.receipts = new ReceiptHandler(inbox);
  }

  /** Decides how to answer {@code message} in a conversation in {@code state}, at {@code now}. */
  public Decision decide(ConversationState state, InboundMessage message, Instant now) {
    MessageOrigin origin = message.origin();
    if (state.hasHandled(origin.messageId())) {
      return new Decision(
          state,
          List.of(),
          List.of(Turn.event(origin, ConversationEventType.DUPLICATE_DROPPED, null, now, Map.of())));
    }
    Turn turn = new Turn(origin, state, now);
    Intent intent = handle(turn, message);
    return turn.decision(intent);
  }

  private Intent handle(Turn turn, InboundMessage message) {
    return switch (message) {
      case Unsupported unsupported when SILENT_TYPES.contains(unsupported.type()) -> Intent.IGNORED;
      case Unsupported unsupported -> {
        auth.expireSession(turn);
        turn.say(BotTexts.UNSUPPORTED);
        yield Intent.UNSUPPORTED;
      }
      case Media media -> {
        auth.expireSession(turn);
        auth.sessionPartner(turn).ifPresent(partner -> receipts.receive(turn, partner, media));
        yield Intent.UPLOAD_RECEIPT;
      }
      case Text text -> {
        auth.expireSession(turn);
        yield handleText(turn, text.body());
      }
      case ButtonReply button -> {
        auth.expireSession(turn);
        yield handleText(turn, choiceText(button));
      }
    };
  }

  private Intent handleText(Turn turn, String text) {
    Intent intent = intents.detect(text);
    PendingForm form = turn.state().pendingForm();
    if (form != null && intent != Intent.CANCEL && intent != Intent.LOGOUT) {
      return answerForm(turn, form, text);
    }
    switch (intent) {
      case GREETING -> greet(turn);
      case HELP -> turn.say(Menus.list(BotTexts.HELP));
      case FAREWELL -> turn.say(BotTexts.FAREWELL);
      case AUTHENTICATE -> auth.authenticate(turn, text);
      case LOGOUT -> auth.logout(turn);
      case CANCEL -> cancel(turn);
      case MY_INFO -> withPartner(turn).ifPresent(partner -> account.personalData(turn, partner));
      case ACCOUNT_STATEMENT -> withPartner(turn).ifPresent(partner -> account.statement(turn, partner));
      case LOANS -> withPartner(turn).ifPresent(partner -> account.loans(turn, partner));
      case LOAN_DETAIL -> withPartner(turn).ifPresent(partner -> account.loanDetail(turn, partner, text));
      case CREATE_TICKET -> withPartner(turn).ifPresent(partner -> tickets.start(turn));
      case UPLOAD_RECEIPT -> withPartner(turn).ifPresent(partner -> receipts.instructions(turn));
      case UNKNOWN, UNSUPPORTED, IGNORED -> turn.say(BotTexts.FALLBACK);
    }
    return intent == Intent.UNSUPPORTED || intent == Intent.IGNORED ? Intent.UNKNOWN : intent;
  }

  private Intent answerForm(Turn turn, PendingForm form, String text) {
    Optional<Partner> partner = withPartner(turn);
    return switch (form) {
      case CreateTicket ticket -> {
        partner.ifPresent(member -> tickets.answer(turn, member, ticket, text));
        yield Intent.CREATE_TICKET;
      }
      case UploadReceipt receipt -> {
        partner.ifPresent(member -> receipts.answer(turn, member, receipt, text));
        yield Intent.UPLOAD_RECEIPT;
      }
    };
  }

  private void greet(Turn turn) {
    if (!turn.state().hasSession()) {
      turn.say(Menus.list(BotTexts.WELCOME));
      return;
    }
    Optional<Partner> partner = auth.sessionPartner(turn);
    partner.ifPresent(member -> turn.say(Menus.list(BotTexts.memberMenu(member.firstName()))));
  }

  /**
   * The text a tapped choice stands for: the command of one of the bot's ids, else the id when it is
   * a command word, else the title the member saw.
   */
  private String choiceText(ButtonReply button) {
    Optional<String> command = ChoiceIds.command(button.id());
    if (command.isPresent()) {
      return command.get();
    }
    String choice = intents.detect(button.id()) != Intent.UNKNOWN ? button.id() : button.title();
    return choice == null ? "" : choice;
  }

  private void cancel(Turn turn) {
    if (turn.state().pendingForm() == null) {
      turn.say(BotTexts.NOTHING_TO_CANCEL);
      return;
    }
    turn.update(turn.state().withForm(null));
    turn.say(BotTexts.FORM_CANCELLED);
  }

  private Optional<Partner> withPartner(Turn turn) {
    return auth.sessionPartner(turn);
  }
}
