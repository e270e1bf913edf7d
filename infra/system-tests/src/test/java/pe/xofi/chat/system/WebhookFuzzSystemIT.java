package pe.xofi.chat.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import pe.xofi.chat.conversation.engine.BotTexts;
import pe.xofi.chat.localstack.LocalStack;
import pe.xofi.chat.localstack.ManagedProcess;
import pe.xofi.chat.localstack.ServiceModule;

/**
 * 10,000 generated hostile webhook bodies against the real ingress, with the real conversation
 * service consuming what gets through: never a 5xx, and afterwards the Streams client is still
 * RUNNING and a member's "Hola" is still answered.
 */
class WebhookFuzzSystemIT {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Map<Integer, AtomicInteger> STATUSES = new ConcurrentHashMap<>();
  private static LocalStack stack;

  @BeforeContainer
  static void startStack() {
    stack = RunningStack.shared();
  }

  @AfterContainer
  static void pipelineSurvived() {
    System.out.println("[measure] fuzz responses by status: " + new TreeMap<>(Map.copyOf(STATUSES)));
    // the stream thread survived everything that was published: still RUNNING, still answering
    assertThat(ManagedProcess.answers200(ServiceModule.CONVERSATION.healthUrl(stack.config()))).isTrue();
    SandboxMember newcomer = new SandboxMember(stack.config().sandboxUrl(), "51977700077");
    assertThat(newcomer.says("Hola")).isEqualTo(BotTexts.WELCOME);
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    return WebhookBodies.any();
  }

  @Property(tries = 10_000, seed = "20261125")
  void shouldNeverAnswerAWebhookWithA5xx(@ForAll("bodies") byte[] body) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            // authentic as far as the secret goes, so every body reaches the parser
            StackRequests.whapiWebhook(stack, body).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    STATUSES.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
    assertThat(response.statusCode()).as(response.body()).isIn(WebhookBodies.ACCEPTABLE);
  }
}
