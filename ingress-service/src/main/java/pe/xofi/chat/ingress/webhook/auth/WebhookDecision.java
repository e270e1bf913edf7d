package pe.xofi.chat.ingress.webhook.auth;

import java.util.Map;
import pe.xofi.chat.ingress.webhook.WebhookRejection;
import pe.xofi.chat.schemas.inbound.Provider;

/** What a webhook endpoint does with a request, decided by configuration and the credential it carries. */
public sealed interface WebhookDecision {

  /** Serve the request as {@code provider}'s webhook. */
  record Accepted(Provider provider) implements WebhookDecision {}

  /** Answer the request with an error and publish nothing. */
  sealed interface Refused extends WebhookDecision {

    /** The error answer. */
    WebhookRejection rejection();
  }

  /** 401: the request lacks the credential {@code provider} is configured with (or none is configured). */
  record Unauthenticated(Provider provider) implements Refused {

    private static final Map<Provider, String> MISSING = Map.of(
        Provider.WHAPI, "missing or wrong webhook secret",
        Provider.META, "missing or wrong X-Hub-Signature-256",
        Provider.TELEGRAM, "missing or wrong X-Telegram-Bot-Api-Secret-Token");

    @Override
    public WebhookRejection rejection() {
      return new WebhookRejection.Unauthorized(MISSING.get(provider));
    }
  }

  /** 404: this ingress does not serve the provider the request is for. */
  record NotServed() implements Refused {

    @Override
    public WebhookRejection rejection() {
      return new WebhookRejection.NotServed();
    }
  }
}
