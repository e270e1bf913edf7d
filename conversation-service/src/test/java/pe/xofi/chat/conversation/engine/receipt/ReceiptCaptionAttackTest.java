package pe.xofi.chat.conversation.engine.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static pe.xofi.chat.conversation.engine.EngineFixture.NOW;
import static pe.xofi.chat.conversation.engine.EngineFixture.signedIn;
import static pe.xofi.chat.conversation.engine.EngineFixture.texts;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.WhapiExamples;
import pe.xofi.chat.conversation.engine.Decision;
import pe.xofi.chat.conversation.engine.EngineFixture;
import pe.xofi.chat.conversation.member.inmemory.DemoMembers;
import pe.xofi.chat.conversation.parser.InboundParser;
import pe.xofi.chat.conversation.parser.whapi.WhapiMessageParser;
import pe.xofi.chat.conversation.state.ConversationState;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import tools.jackson.databind.node.ObjectNode;

/**
 * The receipt-caption attack of the security review (H2): an identified member sends an image whose
 * caption is {@code "monto"}, a run of spaces and {@code "x"}. The quadratic regexes took 2.5 s for
 * 16,000 spaces and hours for a 1 MB caption, holding a stream thread past its transaction timeout;
 * the message must be parsed and decided within 10 ms.
 */
class ReceiptCaptionAttackTest {

  /** The per-message bound the issue sets; a bound check, not a benchmark. */
  private static final Duration BUDGET = Duration.ofMillis(10);

  /** How long the old code may run before the test gives up on it (it would run for hours). */
  private static final Duration GIVE_UP = Duration.ofSeconds(10);

  private final EngineFixture fixture = new EngineFixture();
  private final InboundParser parser = new InboundParser(List.of(new WhapiMessageParser()));
  private final ConversationState maria = signedIn(DemoMembers.MARIA, NOW.minusSeconds(60));

  @Test
  void shouldAskForTheAmountOfTheReviewsSixteenThousandSpaceCaptionWithinTenMilliseconds() {
    // given
    InboundEnvelope attack = image("wamid.h2-16k", "monto" + " ".repeat(16_000) + "x");

    // when
    Decision decision = decideWithinBudget(attack);

    // then
    assertThat(texts(decision)).isEqualTo(List.of(ReceiptTexts.ASK_AMOUNT));
  }

  @Test
  void shouldAskForTheAmountOfAOneMegabyteCaptionWithinTenMilliseconds() {
    // given
    InboundEnvelope attack = image("wamid.h2-1mb", "monto" + " ".repeat(1_000_000) + "x");

    // when
    Decision decision = decideWithinBudget(attack);

    // then
    assertThat(texts(decision)).isEqualTo(List.of(ReceiptTexts.ASK_AMOUNT));
  }

  /**
   * The decision on {@code envelope}, asserting that parsing and deciding took at most the budget in
   * one of up to ten runs (after some to warm the JIT), so a busy shared machine is not mistaken for a
   * slow parser while a quadratic one misses the budget on every run.
   */
  private Decision decideWithinBudget(InboundEnvelope envelope) {
    return assertTimeoutPreemptively(GIVE_UP, () -> {
      Decision decision = null;
      for (int warmUp = 0; warmUp < 20; warmUp++) {
        decision = decide(envelope);
      }
      long best = Long.MAX_VALUE;
      for (int run = 0; run < 10 && best > BUDGET.toNanos(); run++) {
        long started = System.nanoTime();
        decision = decide(envelope);
        best = Math.min(best, System.nanoTime() - started);
      }
      assertThat(Duration.ofNanos(best)).isLessThanOrEqualTo(BUDGET);
      return decision;
    });
  }

  private Decision decide(InboundEnvelope envelope) {
    return fixture.engine.decide(maria, parser.parse(envelope.conversationKey(), envelope), NOW);
  }

  /** The WHAPI image webhook message of the review's {@code wa_redos} helper. */
  private static InboundEnvelope image(String messageId, String caption) {
    ObjectNode raw = (ObjectNode) WhapiExamples.json(WhapiExamples.IMAGE_RECEIPT);
    raw.put("id", messageId);
    ((ObjectNode) raw.get("image")).put("caption", caption);
    return WhapiExamples.envelope(EngineFixture.PHONE, messageId, raw, NOW);
  }
}
