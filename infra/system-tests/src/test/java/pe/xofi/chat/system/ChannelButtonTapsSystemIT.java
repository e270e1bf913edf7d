package pe.xofi.chat.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.engine.auth.AuthTexts;
import pe.xofi.chat.localstack.LocalStack;
import pe.xofi.chat.system.ChannelMember.Channel;

/**
 * A tap on a button the bot offered, on Meta Cloud API ({@code interactive.button_reply}) and on
 * Telegram ({@code callback_query}), through the real processes: the tap answers like the typed
 * command, and on Telegram the outbound service answers the callback query so the button stops
 * spinning. The choice's id is a command the engine reads today, so the test does not depend on
 * the menu ids the engine gives its own buttons.
 */
class ChannelButtonTapsSystemIT {

  private static LocalStack stack;

  @BeforeAll
  static void startStack() {
    stack = RunningStack.shared();
  }

  private static ChannelMember jose(Channel channel, String address) {
    ChannelMember member = new ChannelMember(stack.config().sandboxUrl(), channel, address);
    assertThat(member.says("DNI 87654321 año 1985")).isEqualTo(AuthTexts.welcome("José"));
    return member;
  }

  @Test
  void shouldAnswerATapOnTheStatementButtonOnMetaAsTheTypedCommand() {
    // given: José identified on Meta (an address no other test uses)
    ChannelMember jose = jose(Channel.META, "51955500021");
    String typed = jose.says("estado de cuenta");

    // when
    String tapped = jose.taps("estado de cuenta", "Estado de cuenta");

    // then
    assertThat(tapped).isNotBlank().isEqualTo(typed);
  }

  @Test
  void shouldAnswerATapOnTheStatementButtonOnTelegramAndTheCallbackQuery() {
    // given: José identified in a Telegram chat no other test uses
    ChannelMember jose = jose(Channel.TELEGRAM, "734561321");
    String typed = jose.says("estado de cuenta");

    // when
    String tapped = jose.taps("estado de cuenta", "Estado de cuenta");
    String callbackQueryId = jose.lastWebhook().at("/callback_query/id").asString();

    // then
    assertThat(tapped).isNotBlank().isEqualTo(typed);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(jose.answeredCallbackQueries()).contains(callbackQueryId));
  }

  @Test
  void shouldAnswerTheSameStatementToATapOnEveryProviderThatHasButtons() {
    // given
    List<ChannelMember> members = List.of(jose(Channel.META, "51955500022"), jose(Channel.TELEGRAM, "734561322"));

    // when
    List<String> replies = members.stream().map(m -> m.taps("estado de cuenta", "Estado de cuenta")).toList();

    // then
    assertThat(replies.getFirst()).isNotBlank();
    assertThat(replies).isEqualTo(List.of(replies.getFirst(), replies.getFirst()));
  }
}
