package pe.xofi.chat.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The chat page in headless Chromium: a person writes as María and sees the bot's reply, sends a
 * receipt photo with its caption, and taps a row of the bot's list.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "sandbox.api-token=test-token")
@AutoConfigureWebTestClient
@Import(SandboxTestSupport.class)
class ChatPageIT {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final CapturingIngress INGRESS = CapturingIngress.start();

  static ChromeDriver browser;
  static Path profile;

  @DynamicPropertySource
  static void ingress(DynamicPropertyRegistry registry) {
    registry.add("sandbox.ingress-url", INGRESS::url);
  }

  @LocalServerPort int port;
  @Autowired WebTestClient web;

  @BeforeAll
  static void openBrowser() throws IOException {
    if (!Files.isExecutable(CHROMIUM)) {
      System.out.println("ChatPageIT skipped: " + CHROMIUM + " is not installed");
    }
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is not installed");
    // an explicit driver and binary keep Selenium Manager from downloading anything
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    profile = Files.createTempDirectory("sandbox-chromium-");
    ChromeOptions options = new ChromeOptions()
        .setBinary(CHROMIUM.toFile())
        .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
            "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString())).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void closeBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  /** The texts of the chat bubbles, read in one script so a re-render between reads cannot go stale. */
  @SuppressWarnings("unchecked")
  private List<String> bubbles() {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript("return [...document.querySelectorAll('#messages li .body')].map(e => e.innerText);");
  }

  @Test
  void shouldShowMembersMessageAndBotsReplyInOrder() {
    // given
    web.delete().uri("/sandbox/outbox?chat=51987654321").exchange().expectStatus().isNoContent();
    browser.get("http://localhost:" + port + "/");
    new Select(browser.findElement(By.id("member"))).selectByValue("51987654321");
    int before = INGRESS.requests().size();
    // when
    browser.findElement(By.id("text")).sendKeys("DNI 12345678 año 1985");
    browser.findElement(By.id("send")).click();
    // then
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(bubbles()).isEqualTo(List.of("DNI 12345678 año 1985")));
    assertThat(INGRESS.requests()).hasSize(before + 1);

    // when the bot answers through WHAPI's send endpoint
    web.post().uri("/messages/text").headers(h -> h.setBearerAuth("test-token"))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"to\":\"51987654321\",\"body\":\"*¡Hola, María!*\\nYa puedes consultar tus deudas.\"}")
        .exchange().expectStatus().isCreated();
    // then
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(bubbles()).isEqualTo(List.of(
            "DNI 12345678 año 1985", "¡Hola, María!\nYa puedes consultar tus deudas.")));
    assertThat(browser.findElement(By.cssSelector("#messages li.outbound .body")).getDomProperty("innerHTML"))
        .isEqualTo("<strong>¡Hola, María!</strong><br>Ya puedes consultar tus deudas.");
  }

  @Test
  void shouldSendAttachedReceiptPhotoWithCaptionAsWhapiImageWebhookAndShowIt() throws Exception {
    // given
    web.delete().uri("/sandbox/outbox?chat=51912345678").exchange().expectStatus().isNoContent();
    Path png = Files.createTempFile("voucher-", ".png");
    Files.write(png, SandboxMediaTest.PNG);
    browser.get("http://localhost:" + port + "/");
    new Select(browser.findElement(By.id("member"))).selectByValue("51912345678");
    assertThat(browser.findElement(By.id("caption")).getDomProperty("placeholder"))
        .isEqualTo("Monto: 500\nFecha: 2025-01-15");
    int before = INGRESS.requests().size();
    // when
    browser.findElement(By.id("file")).sendKeys(png.toString());
    browser.findElement(By.id("caption")).sendKeys("Monto: 500\nFecha: 2025-01-15");
    browser.findElement(By.id("send-file")).click();
    // then
    await().atMost(Duration.ofSeconds(10)).until(() -> INGRESS.requests().size() > before);
    List<CapturingIngress.Captured> received = INGRESS.requests().subList(before, INGRESS.requests().size());
    assertThat(received).hasSize(1);
    JsonNode webhook = SandboxTestSupport.json(received.getFirst().body().getBytes(StandardCharsets.UTF_8));
    String id = webhook.at("/messages/0/id").asString();
    String mediaId = webhook.at("/messages/0/image/id").asString();
    assertThat(mediaId).matches("png-[0-9a-f]{32}");
    assertThat(webhook).isEqualTo(SandboxTestSupport.json("{'messages':[{'id':'" + id + "','from_me':false,"
        + "'type':'image','chat_id':'51912345678@s.whatsapp.net','timestamp':" + SandboxTestSupport.NOW + ","
        + "'source':'mobile','image':{'id':'" + mediaId + "','mime_type':'image/png',"
        + "'file_size':" + SandboxMediaTest.PNG.length + ",'sha256':'" + SandboxMediaTest.sha256(SandboxMediaTest.PNG) + "',"
        + "'caption':'Monto: 500\\nFecha: 2025-01-15'},'from':'51912345678','from_name':'José'}],"
        + "'event':{'type':'messages','event':'post'},'channel_id':'SANDBOX'}"));

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(bubbles()).isEqualTo(List.of("Monto: 500\nFecha: 2025-01-15")));
    WebElement image = browser.findElement(By.cssSelector("#messages li.inbound img.media"));
    assertThat(image.getDomAttribute("src")).isEqualTo("/sandbox/media/" + mediaId);
    await().atMost(Duration.ofSeconds(10)).until(() ->
        Long.valueOf(1).equals(browser.executeScript("return arguments[0].naturalWidth;", image)));
    Files.delete(png);
  }

  @Test
  void shouldShowTheBotsListRowsAndPostWhapisListReplyWebhookWhenOneIsTapped() {
    // given the bot sent its menu as a list, the way outbound-service calls WHAPI
    web.delete().uri("/sandbox/outbox?chat=51955566677").exchange().expectStatus().isNoContent();
    byte[] sent = web.post().uri("/messages/interactive").headers(h -> h.setBearerAuth("test-token"))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(("{'to':'51955566677','type':'list','body':{'text':'¡Hola, *Rosa*!'},"
            + "'action':{'list':{'label':'Ver opciones','sections':[{'title':'Opciones','rows':["
            + "{'id':'menu.1','title':'Mi información','description':'Tus datos personales'},"
            + "{'id':'menu.2','title':'Estado de cuenta','description':'El resumen de tus deudas'}]}]}}}")
            .replace('\'', '"'))
        .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody();
    String menuId = SandboxTestSupport.json(sent).at("/message/id").asString();
    browser.get("http://localhost:" + port + "/");
    new Select(browser.findElement(By.id("member"))).selectByValue("51955566677");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(browser.findElements(By.cssSelector("#messages li.outbound button.choice")).stream()
            .map(WebElement::getText).toList())
            .isEqualTo(List.of("Mi información\nTus datos personales", "Estado de cuenta\nEl resumen de tus deudas")));
    int before = INGRESS.requests().size();

    // when
    browser.findElement(By.cssSelector("#messages li.outbound button.choice[data-id='menu.2']")).click();

    // then
    await().atMost(Duration.ofSeconds(10)).until(() -> INGRESS.requests().size() > before);
    List<CapturingIngress.Captured> received = INGRESS.requests().subList(before, INGRESS.requests().size());
    assertThat(received).hasSize(1);
    JsonNode webhook = SandboxTestSupport.json(received.getFirst().body().getBytes(StandardCharsets.UTF_8));
    String id = webhook.at("/messages/0/id").asString();
    assertThat(webhook).isEqualTo(SandboxTestSupport.json("{'messages':[{'id':'" + id + "','from_me':false,"
        + "'type':'reply','chat_id':'51955566677@s.whatsapp.net','timestamp':" + SandboxTestSupport.NOW + ","
        + "'source':'mobile','reply':{'type':'list_reply','list_reply':{'id':'ListV3:menu.2',"
        + "'title':'Estado de cuenta','description':'El resumen de tus deudas'}},"
        + "'context':{'quoted_id':'" + menuId + "','quoted_type':'interactive'},"
        + "'from':'51955566677','from_name':'Rosa'}],"
        + "'event':{'type':'messages','event':'post'},'channel_id':'SANDBOX'}"));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(bubbles()).isEqualTo(List.of("¡Hola, Rosa!", "Estado de cuenta")));
  }
}
