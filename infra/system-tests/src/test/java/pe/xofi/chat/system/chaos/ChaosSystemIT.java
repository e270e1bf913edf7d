package pe.xofi.chat.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.localstack.LocalStack;
import pe.xofi.chat.system.LogPrivacy;
import pe.xofi.chat.system.RunningStack;

/**
 * The CI form of the chaos suite ({@code ./xofi chaos} runs the full one, {@link ChaosSuite}):
 * scenarios 1 and 7 with a few seconds of load on the shared system-test stack.
 */
class ChaosSystemIT {

  private static LocalStack stack;

  @BeforeAll
  static void startStack() {
    stack = RunningStack.shared();
  }

  @Test
  void shouldAnswerEveryAcknowledgedMessageOnceWhenConversationServiceIsKilledMidLoad() {
    // given
    ChaosRunner runner = new ChaosRunner(stack);

    // when
    ScenarioResult result = runner.run(ChaosScenarios.conversationKilled(ChaosScenarios.SHORT));

    // then
    System.out.println(ChaosReport.markdown("Chaos, CI form", java.util.List.of(result), java.time.Duration.ZERO,
        new ChaosReport.LogScan(0, java.util.List.of()), ""));
    ChaosAssertions.assertReconciled(result, 0);
    assertThat(LogPrivacy.leaks(stack.config().runDir().resolve("logs"), runner.phones())).isEmpty();
  }

  @Test
  void shouldAnswerAWebhookDeliveredTenTimesConcurrentlyOrSpreadOutOnce() {
    // given
    ChaosRunner runner = new ChaosRunner(stack);

    // when
    ScenarioResult result = runner.run(ChaosScenarios.duplicatedWebhooks(ChaosScenarios.SHORT));

    // then
    System.out.println(ChaosReport.markdown("Chaos, CI form", java.util.List.of(result), java.time.Duration.ZERO,
        new ChaosReport.LogScan(0, java.util.List.of()), ""));
    ChaosAssertions.assertReconciled(result, 0);
    assertThat(result.load().deliveredTwiceOrMore()).isEqualTo(ChaosScenarios.SHORT.duplicatedMembers());
    // each copy beyond the first was acknowledged and dropped by the engine as a provider retry
    assertThat(result.counts().duplicatesDropped()).isGreaterThanOrEqualTo(9 * ChaosScenarios.SHORT.duplicatedMembers());
    assertThat(LogPrivacy.leaks(stack.config().runDir().resolve("logs"), runner.phones())).isEmpty();
  }
}
