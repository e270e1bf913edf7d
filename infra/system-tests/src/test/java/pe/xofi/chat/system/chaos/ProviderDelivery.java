package pe.xofi.chat.system.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Posts webhooks to the ingress as a provider does: a webhook not answered with 200 (an error
 * status, a refused connection, a timeout) is posted again after a back-off of 0.5 s doubling to
 * 4 s, until it is acknowledged or {@code giveUpAfter} has passed since its first post. Every post
 * carries the WHAPI secret ({@code X-Webhook-Secret}), as WHAPI sends it.
 */
final class ProviderDelivery {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2))
      .build();
  private final URI webhookUrl;
  private final String webhookSecret;
  private final Duration giveUpAfter;
  private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();

  ProviderDelivery(String ingressUrl, String webhookSecret, Duration giveUpAfter) {
    this.webhookUrl = URI.create(ingressUrl + "/chatbot/webhook/whatsapp/");
    this.webhookSecret = webhookSecret;
    this.giveUpAfter = giveUpAfter;
  }

  /** Delivers {@code message} until acknowledged or given up; blocks the (virtual) calling thread. */
  void deliver(PostedMessage message) {
    Instant deadline = Instant.now().plus(giveUpAfter);
    long backOffMillis = 500;
    while (true) {
      message.posting(Instant.now());
      String answer = post(message.webhook());
      answers.computeIfAbsent(answer, a -> new LongAdder()).increment();
      if (answer.equals("200")) {
        message.acknowledged(Instant.now());
        return;
      }
      if (Instant.now().plusMillis(backOffMillis).isAfter(deadline)) {
        message.gaveUp();
        return;
      }
      sleep(backOffMillis);
      backOffMillis = Math.min(backOffMillis * 2, 4_000);
    }
  }

  /** Every answer so far by kind: the HTTP status, {@code refused} or {@code timeout}. */
  Map<String, Long> answers() {
    Map<String, Long> counts = new TreeMap<>();
    answers.forEach((answer, count) -> counts.put(answer, count.sum()));
    return counts;
  }

  private String post(String webhook) {
    HttpRequest request = HttpRequest.newBuilder(webhookUrl)
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json")
        .header("X-Webhook-Secret", webhookSecret)
        .POST(HttpRequest.BodyPublishers.ofString(webhook))
        .build();
    try {
      return Integer.toString(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
    } catch (HttpTimeoutException e) {
      return "timeout";
    } catch (IOException e) {
      return "refused";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
