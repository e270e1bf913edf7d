package pe.xofi.chat.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.engine.auth.AuthTexts;
import pe.xofi.chat.conversation.engine.ticket.TicketTexts;
import pe.xofi.chat.localstack.LocalStack;
import pe.xofi.chat.system.ChannelMember.Channel;

/**
 * The three-step ticket on Meta Cloud API and on Telegram through the real processes, answered
 * word for word as on WHAPI ({@link MemberFlowsSystemIT}).
 */
class ChannelTicketsSystemIT {

  private static final Pattern NUMBER = Pattern.compile("\\*(TK-[0-9]+)\\*");
  private static LocalStack stack;

  @BeforeAll
  static void startStack() {
    stack = RunningStack.shared();
  }

  @Test
  void shouldCreateATicketInThreeStepsOnMetaAndOnTelegram() {
    // given: María identified on both channels (addresses no other test uses)
    List<ChannelMember> members = List.of(
        new ChannelMember(stack.config().sandboxUrl(), Channel.META, "51955500031"),
        new ChannelMember(stack.config().sandboxUrl(), Channel.TELEGRAM, "734561331"));
    members.forEach(m -> assertThat(m.says("DNI 12345678 año 1990")).isEqualTo(AuthTexts.welcome("María")));

    for (ChannelMember maria : members) {
      // when
      String askSubject = maria.says("crear ticket");
      String askDescription = maria.says("Problema con pago");
      String created = maria.says("No puedo pagar mi cuota");

      // then
      assertThat(List.of(askSubject, askDescription, created))
          .containsExactly(
              TicketTexts.ASK_SUBJECT,
              TicketTexts.askDescription("Problema con pago"),
              TicketTexts.created(numberIn(created), "Problema con pago"));
    }
  }

  /** Ticket numbers are shared by every test of the stack: the reply says which one this is. */
  static String numberIn(String reply) {
    Matcher matcher = NUMBER.matcher(reply);
    assertThat(matcher.find()).as("a ticket number in: %s", reply).isTrue();
    return matcher.group(1);
  }
}
