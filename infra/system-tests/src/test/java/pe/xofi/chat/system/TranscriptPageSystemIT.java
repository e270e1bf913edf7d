package pe.xofi.chat.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import pe.xofi.chat.schemas.privacy.CredentialMask;

/**
 * The support staff's transcript page of conversation-service ({@code /ops/}) in headless
 * Chromium: after a member talks to the bot, looking the phone up shows both directions in order.
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
  void shouldShowAMembersConversationInBothDirectionsInOrder() {
    // given
    SandboxMember member = new SandboxMember(stack.config().sandboxUrl(), "51966600066");
    member.says("Hola");
    member.says("ayuda");

    // when
    browser.get("http://localhost:" + ServiceModule.CONVERSATION.port(stack.config()) + "/ops/");

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
                          Map.of("direction", "OUT", "text", BotTexts.HELP)));
            });
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
