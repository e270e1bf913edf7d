package pe.xofi.chat.outbound.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.context.ConfigurableApplicationContext;
import pe.xofi.chat.outbound.OutboundServiceApplication;
import pe.xofi.chat.outbound.support.Backlog;
import pe.xofi.chat.outbound.support.InProcessSandbox;
import pe.xofi.chat.outbound.support.LedgerDatabase;
import pe.xofi.chat.outbound.support.Replies;
import pe.xofi.chat.outbound.support.Sizes;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.testsupport.KafkaTestBroker;
import pe.xofi.chat.testsupport.PostgresTestDatabase;

/** The service stopped mid-backlog and started again: every reply reaches the sandbox once, in order. */
class OutboundRestartIT {

  private static final Logger log = LoggerFactory.getLogger(OutboundRestartIT.class);

  static final String GROUP = KafkaTestBroker.unique("outbound-restart-it");
  static final PostgresTestDatabase DB = PostgresTestDatabase.create("outbound_restart_it");
  static final InProcessSandbox SANDBOX = InProcessSandbox.shared();

  @AfterAll
  static void dropDatabase() {
    DB.drop();
  }

  @AfterEach
  void clearFaults() {
    SANDBOX.clearFaults();
  }

  private static ConfigurableApplicationContext start() {
    List<String> args = new ArrayList<>(List.of(LedgerDatabase.arguments(DB)));
    args.addAll(List.of(
        "--spring.main.web-application-type=none",
        "--spring.kafka.bootstrap-servers=" + KafkaTestBroker.bootstrapServers(),
        "--spring.kafka.consumer.group-id=" + GROUP,
        "--spring.kafka.consumer.auto-offset-reset=latest",
        "--xofi.outbound.media.group-id=" + GROUP + "-media",
        "--xofi.outbound.whapi.base-url=" + SANDBOX.baseUrl(),
        "--xofi.outbound.whapi.token=" + InProcessSandbox.TOKEN));
    return new SpringApplicationBuilder(OutboundServiceApplication.class)
        // closing this service must not dispose the Netty resources the in-process sandbox serves with
        .initializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
          @Override
          public Object postProcessBeforeInitialization(Object bean, String name) {
            if (bean instanceof ReactorResourceFactory factory) {
              factory.setUseGlobalResources(false);
            }
            return bean;
          }
        }))
        .run(args.toArray(String[]::new));
  }

  @Test
  void shouldSendNoReplyTwiceWhenRestartedMidBacklog() {
    // given
    KafkaTestBroker.createRegistryTopics(Topics.DEFAULT_PARTITIONS, Topics.ALL);
    SANDBOX.faults("{'rateLimit':20}");
    ConfigurableApplicationContext first = start();
    Replies.awaitListenerReady(GROUP);
    Backlog backlog = Backlog.produce(Sizes.BACKLOG_MEMBERS, 10);
    // when
    await().atMost(Duration.ofSeconds(60)).until(() -> SANDBOX.faultReport().get("accepted").asLong() >= backlog.size() / 5);
    first.close();
    long beforeRestart = SANDBOX.faultReport().get("accepted").asLong();
    try (ConfigurableApplicationContext second = start()) {
      backlog.awaitReceived(SANDBOX, Duration.ofSeconds(backlog.size() / 10 + 60));
      // then
      Map<String, List<String>> received = backlog.received(SANDBOX);
      int duplicates = backlog.receivedCount(SANDBOX) - backlog.size();
      log.info("restart mid-backlog: {} replies, {} sent before the restart, {} duplicate(s) at the sandbox",
          backlog.size(), beforeRestart, duplicates);
      assertThat(beforeRestart).isLessThan(backlog.size());
      assertThat(received).isEqualTo(backlog.expected());
    }
  }
}
