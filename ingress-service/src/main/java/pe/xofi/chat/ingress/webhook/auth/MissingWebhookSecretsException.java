package pe.xofi.chat.ingress.webhook.auth;

import java.util.List;

/** The ingress would serve a provider whose webhooks it cannot authenticate, outside the local profile. */
public final class MissingWebhookSecretsException extends IllegalStateException {

  private final List<String> variables;

  public MissingWebhookSecretsException(List<String> variables) {
    super("webhook secrets not set: " + String.join(", ", variables)
        + " (set them, leave those providers out of XOFI_WEBHOOK_PROVIDERS, or for a demo set"
        + " XOFI_ALLOW_UNAUTHENTICATED_WEBHOOKS=true)");
    this.variables = List.copyOf(variables);
  }

  /** The environment variables that are missing, in provider order. */
  public List<String> variables() {
    return variables;
  }
}
