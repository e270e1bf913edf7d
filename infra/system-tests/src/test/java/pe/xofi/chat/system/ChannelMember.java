package pe.xofi.chat.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A member writing on one channel of the sandbox: WHAPI ({@code /sandbox/inbox}), Meta Cloud API
 * ({@code /sandbox/inbox/meta}, a signed webhook) or Telegram ({@code /sandbox/inbox/telegram}, an
 * update with the secret token, {@code address} being the chat id); the bot's answers are read from
 * the sandbox outbox, where each provider's sends are recorded. Files and button taps go in as each
 * provider would post them ({@code /sandbox/inbox/meta/tap}, {@code /sandbox/inbox/telegram/tap}).
 */
final class ChannelMember {

  /** The sandbox inbox of each channel. */
  enum Channel {
    WHAPI("/sandbox/inbox"),
    META("/sandbox/inbox/meta"),
    TELEGRAM("/sandbox/inbox/telegram");

    private final String inbox;

    Channel(String inbox) {
      this.inbox = inbox;
    }
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String sandboxUrl;
  private final Channel channel;
  private final String address;
  private int seen;
  private JsonNode lastWebhook;

  ChannelMember(String sandboxUrl, Channel channel, String address) {
    this.sandboxUrl = sandboxUrl;
    this.channel = channel;
    this.address = address;
    this.seen = outbox().size();
  }

  /** Sends {@code text} and returns the body of the one reply it caused. */
  String says(String text) {
    ObjectNode body = JSON.createObjectNode().put("from", address).put("text", text).put("name", "Socio");
    return replyTo(channel.inbox, body);
  }

  /** Sends a file with a caption (a payment receipt) and returns the body of the one reply it caused. */
  String sendsFile(String fileName, String mimeType, byte[] bytes, String caption) {
    ObjectNode body = JSON.createObjectNode().put("from", address).put("caption", caption).put("name", "Socio");
    body.putObject("file")
        .put("name", fileName)
        .put("mimeType", mimeType)
        .put("base64", Base64.getEncoder().encodeToString(bytes));
    return replyTo(channel.inbox, body);
  }

  /**
   * Taps a button the bot offered (a Meta {@code button_reply}, a Telegram {@code callback_query})
   * and returns the body of the one reply it caused.
   */
  String taps(String id, String title) {
    ObjectNode body = JSON.createObjectNode().put("from", address).put("id", id).put("title", title).put("name", "Socio");
    return replyTo(channel.inbox + "/tap", body);
  }

  /** The callback query ids the bot answered on Telegram (to any chat), oldest first. */
  List<String> answeredCallbackQueries() {
    HttpResponse<String> response = send(
        HttpRequest.newBuilder(URI.create(sandboxUrl + "/sandbox/telegram/callback-answers")).GET().build());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body()).valueStream().map(a -> a.get("callbackQueryId").asString()).toList();
  }

  /** The webhook the sandbox posted for the latest message, as its inbox answered. */
  JsonNode lastWebhook() {
    return lastWebhook;
  }

  private String replyTo(String inbox, ObjectNode body) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(sandboxUrl + inbox))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
        .build());
    assertThat(response.statusCode()).as("ingress answer via sandbox: %s", response.body()).isEqualTo(200);
    lastWebhook = JSON.readTree(response.body()).get("webhook");
    List<JsonNode> outbox = await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(this::outbox, o -> o.size() >= seen + 1);
    return outbox.get(seen++).get("body").asString();
  }

  /** Everything the bot has sent to this member so far, in order. */
  List<JsonNode> outbox() {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(URI.create(sandboxUrl + "/sandbox/outbox?chat=" + address)).GET().build());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body()).valueStream().toList();
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
