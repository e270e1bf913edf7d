package pe.xofi.chat.localstack;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code ./xofi up} prints once the stack is up: where to write, where the secrets are, how to
 * log in as staff, and a webhook {@code curl} that carries the run's WHAPI secret, ready to paste.
 */
final class UpBanner {

  private UpBanner() {}

  static String of(LocalStack stack, long startedInMillis) {
    StackConfig config = stack.config();
    StackSecrets secrets = stack.stackSecrets();
    String operatorPassword = stack.secrets().get(StackSecrets.OPERATOR_PASSWORD);
    String agentPassword = stack.secrets().get(StackSecrets.AGENT_PASSWORD);
    String ops = "http://localhost:" + config.conversationPort() + "/ops/";
    List<String> fromEnvironment = new ArrayList<>();
    stack.secrets().keySet().stream().filter(secrets::fromEnvironment).forEach(fromEnvironment::add);
    String webhook = config.ingressUrl() + "/chatbot/webhook/whatsapp/";
    return """

        Xofi chat pipeline is up (%d ms). Ctrl-C stops everything.

          Chat page (write as a member)   %s/
          WHAPI webhook (POST)            %s   (401 without X-Webhook-Secret)
          Sandbox outbox                  %s/sandbox/outbox?chat=51987654321
          Ops transcripts (staff login)   %s
          Actuator (this machine only)    %s, %s, %s
          Kafka bootstrap                 %s
          Logs                            %s

          Secrets of this run             %s (mode 0600; delete it for new ones)%s
          Staff users                     %s / %s (operator)   %s / %s (agent)

        Try it: a WHAPI webhook with the run's secret, then the bot's reply and the transcript

          curl -s -X POST %s -H 'Content-Type: application/json' \\
            -H 'X-Webhook-Secret: %s' \\
            -d '{"messages":[{"id":"try-%d","from_me":false,"type":"text","chat_id":"51902376744@s.whatsapp.net","timestamp":%d,"source":"mobile","text":{"body":"Hola"},"from":"51902376744","from_name":"Usuario"}],"event":{"type":"messages","event":"post"},"channel_id":"CHANNEL-ID"}'
          curl -s '%s/sandbox/outbox?chat=51902376744'
          curl -s -u '%s:%s' %sconversations/51902376744
        """
        .formatted(
            startedInMillis,
            config.sandboxUrl(),
            webhook,
            config.sandboxUrl(),
            ops,
            ServiceModule.INGRESS.actuatorUrl(config), ServiceModule.CONVERSATION.actuatorUrl(config),
            ServiceModule.OUTBOUND.actuatorUrl(config),
            config.bootstrapServers(),
            config.runDir().resolve("logs"),
            secrets.file(),
            fromEnvironment.isEmpty() ? "" : "\n  From the environment instead    " + String.join(", ", fromEnvironment),
            StackSecrets.OPERATOR, operatorPassword, StackSecrets.AGENT, agentPassword,
            webhook,
            stack.secrets().getOrDefault(StackSecrets.WHATSAPP_WEBHOOK_SECRET, ""),
            System.currentTimeMillis(), System.currentTimeMillis() / 1000,
            config.sandboxUrl(),
            StackSecrets.OPERATOR, operatorPassword, ops);
  }
}
