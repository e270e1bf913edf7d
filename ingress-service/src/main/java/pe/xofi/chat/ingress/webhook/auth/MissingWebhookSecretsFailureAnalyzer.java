package pe.xofi.chat.ingress.webhook.auth;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a start refused for missing webhook secrets in the operator's terms, without a stack trace. */
class MissingWebhookSecretsFailureAnalyzer extends AbstractFailureAnalyzer<MissingWebhookSecretsException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingWebhookSecretsException cause) {
    String variables = String.join(", ", cause.variables());
    return new FailureAnalysis(
        "The ingress serves webhook providers without a secret (" + variables + " not set), so anyone"
            + " who knows the URL could write as any member. Outside the 'local' profile it refuses"
            + " to start.",
        "Set " + variables + " (ingress-service/README.md says where each provider sends it), or leave those"
            + " providers out of XOFI_WEBHOOK_PROVIDERS (default whapi,meta,telegram). For a demo"
            + " only, XOFI_ALLOW_UNAUTHENTICATED_WEBHOOKS=true accepts their webhooks unauthenticated.",
        cause);
  }
}
