package pe.xofi.chat.system;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import pe.xofi.chat.localstack.LocalStack;
import pe.xofi.chat.localstack.StackSecrets;

/**
 * Requests to the running stack with the run's credentials, as a provider or a staff member sends
 * them: WHAPI webhooks carry {@code X-Webhook-Secret}, staff pages and APIs get HTTP Basic as the
 * operator ({@code operador}).
 */
public final class StackRequests {

  public static final String WEBHOOK_SECRET_HEADER = "X-Webhook-Secret";

  private StackRequests() {}

  /** The ingress's WhatsApp webhook URL. */
  public static URI whatsappWebhook(LocalStack stack) {
    return URI.create(stack.config().ingressUrl() + "/chatbot/webhook/whatsapp/");
  }

  /** A JSON POST to the WhatsApp webhook with the run's WHAPI secret, as WHAPI sends it. */
  public static HttpRequest.Builder whapiWebhook(LocalStack stack, byte[] body) {
    return HttpRequest.newBuilder(whatsappWebhook(stack))
        .header("Content-Type", "application/json")
        .header(WEBHOOK_SECRET_HEADER, stack.secrets().get(StackSecrets.WHATSAPP_WEBHOOK_SECRET))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
  }

  public static HttpRequest.Builder whapiWebhook(LocalStack stack, String body) {
    return whapiWebhook(stack, body.getBytes(StandardCharsets.UTF_8));
  }

  /** A staff page or API of conversation-service, e.g. {@code /ops/conversations/51987654321}. */
  public static URI conversationService(LocalStack stack, String path) {
    return URI.create("http://localhost:" + stack.config().conversationPort() + path);
  }

  /** A GET logged in as the operator with HTTP Basic. */
  public static HttpRequest.Builder asOperator(LocalStack stack, URI uri) {
    return HttpRequest.newBuilder(uri).header("Authorization", operatorAuthorization(stack)).GET();
  }

  /** {@code Basic base64(operador:<XOFI_STAFF_OPERATOR_PASSWORD>)}. */
  public static String operatorAuthorization(LocalStack stack) {
    String credentials = StackSecrets.OPERATOR + ":" + stack.secrets().get(StackSecrets.OPERATOR_PASSWORD);
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
