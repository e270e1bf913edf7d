package pe.xofi.chat.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pe.xofi.chat.bench.load.ConversationScript;
import pe.xofi.chat.bench.load.PhoneBook;

class FirstRepliesTest {

  private final ConversationScript script = new ConversationScript(new PhoneBook(50), "run1");
  private final FirstReplies replies = new FirstReplies(script::indexOf);

  @Test
  void shouldMatchAReceiptToItsWebhookWhetherItsSentEventIsReadBeforeOrAfterIt() {
    // given
    replies.received("wamid-a", 1_000);
    replies.sent("wamid-b", "run1-8#1");
    // when
    replies.sent("wamid-a", "run1-7#1");
    replies.received("wamid-b", 1_200);
    // then
    assertThat(replies.firstAt(7)).isEqualTo(1_000);
    assertThat(replies.firstAt(8)).isEqualTo(1_200);
    assertThat(replies.matched()).isEqualTo(2);
    assertThat(replies.unmatched()).isZero();
  }

  @Test
  void shouldKeepTheEarliestOfAWebhooksReplies() {
    // given: the second reply was read first
    replies.sent("wamid-2", "run1-3#2");
    replies.received("wamid-2", 1_500);
    // when
    replies.sent("wamid-1", "run1-3#1");
    replies.received("wamid-1", 1_450);
    // then
    assertThat(replies.firstAt(3)).isEqualTo(1_450);
    assertThat(replies.matched()).isEqualTo(2);
  }

  @Test
  void shouldSetApartRepliesToAnotherRunAndReceiptsStillWaitingForTheirEvent() {
    // given
    replies.sent("wamid-x", "other-3#1");
    replies.received("wamid-x", 900);
    // when
    replies.received("wamid-y", 950);
    // then
    assertThat(replies.foreign()).isEqualTo(1);
    assertThat(replies.unmatched()).isEqualTo(1);
    assertThat(replies.matched()).isZero();
    assertThat(replies.firstAt(3)).isEqualTo(-1);
  }

  @Test
  void shouldCountOnlyAcceptedWebhooksOfTheRangeThatHaveAReply() {
    // given: webhooks 10–13, 12 refused by the ingress; replies to 10, 12 and to 9 (another step)
    for (String[] r : new String[][] {{"a", "run1-10#1"}, {"b", "run1-12#1"}, {"c", "run1-9#1"}}) {
      replies.sent(r[0], r[1]);
      replies.received(r[0], 2_000);
    }
    // when
    long replied = replies.replied(10, new boolean[] {true, true, false, true});
    // then
    assertThat(replied).isEqualTo(1);
  }
}
