package pe.xofi.chat.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.SoftAssertions;

/** What every scenario must show: nothing acknowledged lost, nothing done twice, order kept. */
final class ChaosAssertions {

  private ChaosAssertions() {}

  /** Nothing lost or duplicated; at most {@code sandboxDuplicateBound} replies sent twice to the provider. */
  static void assertReconciled(SoftAssertions softly, ScenarioResult r, int sandboxDuplicateBound) {
    String scenario = "scenario " + r.number() + " (" + r.title() + "): ";
    softly.assertThat(r.load().givenUp()).as(scenario + "webhooks never acknowledged").isZero();
    softly.assertThat(r.load().acknowledged()).as(scenario + "acknowledged messages").isPositive();
    softly.assertThat(r.lost()).as(scenario + "lost, problems: " + r.problems())
        .isEqualTo(new ScenarioResult.Lost(0, 0, 0, 0, 0));
    softly.assertThat(r.duplicated().transitions()).as(scenario + "duplicated transitions").isZero();
    softly.assertThat(r.duplicated().topicReplies()).as(scenario + "replies twice on outbound-messages").isZero();
    softly.assertThat(r.duplicated().tickets()).as(scenario + "duplicated tickets").isZero();
    softly.assertThat(r.duplicated().receipts()).as(scenario + "duplicated receipts").isZero();
    softly.assertThat(r.duplicated().sandboxReplies()).as(scenario + "replies the provider got twice")
        .isLessThanOrEqualTo(sandboxDuplicateBound);
    softly.assertThat(r.duplicated().orderViolations()).as(scenario + "members with replies out of order").isZero();
    softly.assertThat(r.counts().deadLettered()).as(scenario + "replies dead-lettered").isZero();
  }

  static void assertReconciled(ScenarioResult r, int sandboxDuplicateBound) {
    SoftAssertions softly = new SoftAssertions();
    assertReconciled(softly, r, sandboxDuplicateBound);
    softly.assertAll();
    assertThat(r.counts().handled()).isPositive();
  }
}
