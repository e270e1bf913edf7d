package pe.xofi.chat.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.conversation.engine.BotTexts;
import pe.xofi.chat.localstack.LocalStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole pipeline as separate processes: a real Kafka broker, ingress, conversation, outbound
 * and the WHAPI sandbox. A WHAPI webhook goes in at the ingress; the reply must come out at the
 * sandbox, once.
 */
class WhatsAppPipelineSystemIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static LocalStack stack;

  /** WHAPI's incoming text webhook as the original system documents it. */
  static String whapiWebhook(String messageId, String phone, String text) {
    return """
        {
            "messages": [
                {
                    "id": "%s",
                    "from_me": false,
                    "type": "text",
                    "chat_id": "%s@s.whatsapp.net",
                    "timestamp": 1762876458,
                    "source": "mobile",
                    "text": {
                        "body": "%s"
                    },
                    "from": "%s",
                    "from_name": "Usuario"
                }
            ],
            "event": {
                "type": "messages",
                "event": "post"
            },
            "channel_id": "CHANNEL-ID"
        }
        """
        .formatted(messageId, phone, text, phone);
  }

  @BeforeAll
  static void startStack() {
    stack = RunningStack.shared();
  }

  @Test
  void shouldAnswerAGreetingWithTheWelcomeMenuOnceEvenWhenTheWebhookIsDeliveredTwice() throws Exception {
    // given
    String phone = "51902376744";
    String webhook = whapiWebhook("rAmjVf1bsR7Vv32teVuI2A-hV0RKygAsKs", phone, "Hola");

    // when
    long postedAt = System.nanoTime();
    HttpResponse<String> first = postWebhook(webhook);
    List<JsonNode> outbox =
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> outbox(phone), o -> !o.isEmpty());
    long replyMillis = (System.nanoTime() - postedAt) / 1_000_000;
    HttpResponse<String> second = postWebhook(webhook);

    // then
    System.out.println("[measure] webhook to reply at the sandbox: " + replyMillis + " ms");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(first.body())).isEqualTo(JSON.readTree("{\"status\":\"accepted\",\"messages\":1,\"statuses\":0}"));
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(outbox).hasSize(1);
    assertThat(outbox.get(0).get("to").asString()).isEqualTo(phone);
    assertThat(outbox.get(0).get("body").asString()).isEqualTo(BotTexts.WELCOME);
    // the duplicate must not produce a second reply: watch the outbox for a while
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> outbox(phone).size() == 1);
  }

  @Test
  void shouldAnswerHelpAndUnknownTextsInOrder() throws Exception {
    // given
    String phone = "51955500001";

    // when
    postWebhook(whapiWebhook("SYS-HELP-1", phone, "ayuda"));
    postWebhook(whapiWebhook("SYS-HELP-2", phone, "quiero un helado"));

    // then
    List<JsonNode> outbox =
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox(phone), o -> o.size() >= 2);
    assertThat(outbox).extracting(n -> n.get("body").asString()).containsExactly(BotTexts.HELP, BotTexts.FALLBACK);
  }

  private static HttpResponse<String> postWebhook(String body) throws IOException, InterruptedException {
    return HTTP.send(StackRequests.whapiWebhook(stack, body).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<JsonNode> outbox(String phone) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(stack.config().sandboxUrl() + "/sandbox/outbox?chat=" + phone)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body()).valueStream().toList();
  }
}
