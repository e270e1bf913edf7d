package pe.xofi.chat.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import pe.xofi.chat.conversation.engine.BotTexts;
import pe.xofi.chat.localstack.LocalStack;
import pe.xofi.chat.localstack.ServiceModule;
import pe.xofi.chat.localstack.StackSecrets;
import pe.xofi.chat.schemas.Topics;
import pe.xofi.chat.schemas.audit.AuditAction;
import pe.xofi.chat.schemas.audit.AuditEvent;
import pe.xofi.chat.schemas.audit.AuditOutcome;
import pe.xofi.chat.schemas.privacy.CredentialMask;

/**
 * The support staff's transcript page of conversation-service ({@code /ops/}) in headless
 * Chromium: without a login it is refused (the browser goes to the login form, a script gets 401);
 * an operator who logs in and looks a phone up sees both directions in order, and the view is on
 * {@code audit-events}.
 */
class TranscriptPageSystemIT {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private static LocalStack stack;
  private static ChromeDriver browser;

  @BeforeAll
  static void start() throws IOException {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is not installed (.ci/run installs it)");
    stack = RunningStack.shared();
    // an explicit driver and binary keep Selenium Manager from downloading anything
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    Path profile = Files.createTempDirectory("ops-chromium-");
    browser =
        new ChromeDriver(
            new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile));
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void shouldRefuseTheTranscriptsWithoutALogin() throws Exception {
    // given: a member the bot knows
    new SandboxMember(stack.config().sandboxUrl(), "51966600067").says("Hola");
    browser.manage().deleteAllCookies();

    // when
    browser.get(opsPage());
    HttpResponse<String> api =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(StackRequests.conversationService(stack, "/ops/conversations/51966600067")).build(),
                HttpResponse.BodyHandlers.ofString());

    // then: the browser is sent to the login form, a script gets 401 and no transcript either way
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    assertThat(browser.findElements(By.id("username"))).hasSize(1);
    assertThat(browser.getPageSource()).doesNotContain("51966600067");
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.body()).doesNotContain("51966600067");
  }

  @Test
  void shouldShowAMembersConversationToALoggedInOperatorAndAuditTheView() {
    // given
    SandboxMember member = new SandboxMember(stack.config().sandboxUrl(), "51966600066");
    member.says("Hola");
    member.says("ayuda");
    browser.manage().deleteAllCookies();

    // when: the operator logs in through the form and looks the phone up
    browser.get(opsPage());
    browser.findElement(By.id("username")).sendKeys(StackSecrets.OPERATOR);
    browser.findElement(By.id("password")).sendKeys(stack.secrets().get(StackSecrets.OPERATOR_PASSWORD));
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("phone")).isEmpty());

    // then: the projector is asynchronous, so look the phone up until all four lines are there
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              browser.findElement(By.id("phone")).clear();
              browser.findElement(By.id("phone")).sendKeys("51966600066");
              browser.findElement(By.cssSelector("#lookup button")).click();
              assertThat(lines())
                  .isEqualTo(
                      List.of(
                          Map.of("direction", "IN", "text", "Hola"),
                          Map.of("direction", "OUT", "text", CredentialMask.mask(BotTexts.WELCOME)),
                          Map.of("direction", "IN", "text", "ayuda"),
                          Map.of("direction", "OUT", "text", CredentialMask.mask(BotTexts.HELP))));
            });
    // and the view is on audit-events: who, which conversation, found
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> assertThat(auditEvents())
                .anySatisfy(event -> {
                  assertThat(event.actor()).isEqualTo(StackSecrets.OPERATOR);
                  assertThat(event.action()).isEqualTo(AuditAction.TRANSCRIPT_VIEWED);
                  assertThat(event.conversationKey()).isEqualTo("wa:51966600066");
                  assertThat(event.outcome()).isEqualTo(AuditOutcome.FOUND);
                  assertThat(event.actorRoles()).containsExactly("operator");
                }));
  }

  private static String opsPage() {
    return "http://localhost:" + ServiceModule.CONVERSATION.port(stack.config()) + "/ops/";
  }

  /** Every record on audit-events, from the beginning to the end offsets as of now. */
  private static List<AuditEvent> auditEvents() {
    try (KafkaConsumer<String, AuditEvent> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.config().bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
            new StringDeserializer(),
            Topics.AUDIT_EVENTS.valueSerde().deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.AUDIT_EVENTS.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<AuditEvent> events = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> events.add(record.value()));
      }
      return events;
    }
  }

  /** The transcript lines on the page, read in one script so a re-render cannot go stale. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, String>> lines() {
    return (List<Map<String, String>>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return [...document.querySelectorAll('#lines .line')].map(l => ({direction: l.classList[1], text: l.querySelector('.text').textContent}));");
  }
}
