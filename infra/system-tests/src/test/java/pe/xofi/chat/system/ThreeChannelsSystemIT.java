package pe.xofi.chat.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.engine.auth.AuthTexts;
import pe.xofi.chat.localstack.LocalStack;
import pe.xofi.chat.system.ChannelMember.Channel;

/**
 * The same member scenario (authentication, then the account statement) on WHAPI, Meta Cloud API
 * and Telegram through the real processes and the sandbox's three provider faces: every channel
 * gets the same replies, word for word.
 */
class ThreeChannelsSystemIT {

  private static LocalStack stack;

  @BeforeAll
  static void startStack() {
    stack = RunningStack.shared();
  }

  private static ChannelMember member(Channel channel, String address) {
    return new ChannelMember(stack.config().sandboxUrl(), channel, address);
  }

  @Test
  void shouldAuthenticateAndAnswerTheStatementAlikeOnEveryChannel() {
    // given: José on three channels (addresses no other test uses)
    List<ChannelMember> members = List.of(
        member(Channel.WHAPI, "51955500001"),
        member(Channel.META, "51955500002"),
        member(Channel.TELEGRAM, "734561289"));

    // when
    List<String> welcomes = members.stream().map(m -> m.says("DNI 87654321 año 1985")).toList();
    List<String> statements = members.stream().map(m -> m.says("estado de cuenta")).toList();

    // then
    assertThat(welcomes).isEqualTo(List.of(AuthTexts.welcome("José"), AuthTexts.welcome("José"), AuthTexts.welcome("José")));
    assertThat(statements.get(0)).isNotBlank();
    assertThat(statements).isEqualTo(List.of(statements.get(0), statements.get(0), statements.get(0)));
  }

  @Test
  void shouldRefuseAWrongDniAlikeOnMetaAndTelegram() {
    // given
    ChannelMember meta = member(Channel.META, "51955500003");
    ChannelMember telegram = member(Channel.TELEGRAM, "734561290");

    // when
    String onMeta = meta.says("DNI 00000000 año 1900");
    String onTelegram = telegram.says("DNI 00000000 año 1900");

    // then
    assertThat(List.of(onMeta, onTelegram)).isEqualTo(List.of(AuthTexts.AUTH_FAILED, AuthTexts.AUTH_FAILED));
  }
}
