package pe.xofi.chat.ingress.webhook.auth;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import pe.xofi.chat.ingress.webhook.SharedSecret;
import pe.xofi.chat.ingress.webhook.auth.WebhookDecision.Accepted;
import pe.xofi.chat.ingress.webhook.auth.WebhookDecision.NotServed;
import pe.xofi.chat.ingress.webhook.auth.WebhookDecision.Refused;
import pe.xofi.chat.ingress.webhook.auth.WebhookDecision.Unauthenticated;
import pe.xofi.chat.ingress.webhook.meta.MetaSignature;
import pe.xofi.chat.schemas.inbound.Provider;

/**
 * A webhook is accepted as a provider's only when that provider is served and the request carries
 * the secret configured for it (WHAPI: the shared secret; Meta: the app secret's HMAC of the raw
 * body; Telegram: the secret token), or when that provider has no secret and unauthenticated
 * webhooks are explicitly allowed. Which headers a request carries never decides whose it is: a
 * WhatsApp body shaped like Meta's must be signed, any other must carry the WHAPI secret.
 */
public final class WebhookAuthenticator {

  private static final Map<Provider, String> SECRET_VARIABLES = Map.of(
      Provider.WHAPI, "WHATSAPP_WEBHOOK_SECRET",
      Provider.META, "WHATSAPP_APP_SECRET",
      Provider.TELEGRAM, "TELEGRAM_WEBHOOK_SECRET");

  private static final NotServed NOT_SERVED = new NotServed();

  private final Map<Provider, ProviderAccess> access;
  private final boolean allowUnauthenticated;
  private final SharedSecret whapiSecret;
  private final MetaSignature metaSignature;
  private final SharedSecret telegramSecret;

  private WebhookAuthenticator(
      Set<Provider> served,
      boolean allowUnauthenticated,
      SharedSecret whapiSecret,
      MetaSignature metaSignature,
      SharedSecret telegramSecret) {
    this.allowUnauthenticated = allowUnauthenticated;
    this.whapiSecret = whapiSecret;
    this.metaSignature = metaSignature;
    this.telegramSecret = telegramSecret;
    Map<Provider, Boolean> configured = Map.of(
        Provider.WHAPI, whapiSecret.configured(),
        Provider.META, metaSignature.configured(),
        Provider.TELEGRAM, telegramSecret.configured());
    this.access = new EnumMap<>(Provider.class);
    for (Provider provider : Provider.values()) {
      access.put(provider,
          ProviderAccess.of(served.contains(provider), configured.get(provider), allowUnauthenticated));
    }
  }

  /**
   * The authenticator for the {@code served} providers and their secrets (blank or null: none).
   *
   * @param allowUnauthenticated XOFI_ALLOW_UNAUTHENTICATED_WEBHOOKS: whether a served provider
   *                             without a secret accepts every request instead of none
   */
  public static WebhookAuthenticator of(
      Set<Provider> served,
      boolean allowUnauthenticated,
      String whapiSecret,
      String metaAppSecret,
      String telegramSecret) {
    return new WebhookAuthenticator(served, allowUnauthenticated, SharedSecret.of(whapiSecret),
        MetaSignature.of(metaAppSecret), SharedSecret.of(telegramSecret));
  }

  /** The environment variable that holds {@code provider}'s secret. */
  public static String secretVariable(Provider provider) {
    return SECRET_VARIABLES.get(provider);
  }

  /** How {@code provider}'s webhooks are treated. */
  public ProviderAccess access(Provider provider) {
    return access.get(provider);
  }

  /** Whether this ingress serves {@code provider} at all. */
  public boolean serves(Provider provider) {
    return access(provider) != ProviderAccess.NOT_SERVED;
  }

  /** Each provider's access as {@code /actuator/health} lists it, e.g. {@code whapi: authenticated}. */
  public Map<String, String> describe() {
    Map<String, String> details = new LinkedHashMap<>();
    access.forEach((provider, how) -> details.put(provider.name().toLowerCase(Locale.ROOT), how.label()));
    return details;
  }

  /** The providers whose requests are accepted without any credential because the flag allows it. */
  public Set<Provider> unauthenticatedAllowed() {
    return providersWith(ProviderAccess.UNAUTHENTICATED_ALLOWED);
  }

  /** The providers whose requests are all refused because they have no secret. */
  public Set<Provider> refusedForWantOfSecret() {
    return providersWith(ProviderAccess.REFUSED_NO_SECRET);
  }

  /**
   * The variables that must be set before the ingress may start: those of served providers without
   * a secret, unless unauthenticated webhooks are allowed or the profile is {@code local} (where
   * those providers' requests are refused instead).
   */
  public List<String> secretsMissingToStart(boolean localProfile) {
    if (localProfile || allowUnauthenticated) {
      return List.of();
    }
    return refusedForWantOfSecret().stream().map(WebhookAuthenticator::secretVariable).toList();
  }

  /** The decision for a Telegram update carrying {@code secretToken} (null when absent). */
  public WebhookDecision telegram(String secretToken) {
    return switch (access(Provider.TELEGRAM)) {
      case NOT_SERVED -> NOT_SERVED;
      case UNAUTHENTICATED_ALLOWED -> new Accepted(Provider.TELEGRAM);
      case AUTHENTICATED -> telegramSecret.matches(secretToken)
          ? new Accepted(Provider.TELEGRAM)
          : new Unauthenticated(Provider.TELEGRAM);
      case REFUSED_NO_SECRET -> new Unauthenticated(Provider.TELEGRAM);
    };
  }

  /**
   * The refusal that the WhatsApp path's configuration and a request's headers already decide, so
   * the body is never read; empty when the body may still be authentic.
   */
  public Optional<Refused> whatsAppBeforeBody(WhatsAppCredentials credentials) {
    if (!serves(Provider.WHAPI) && !serves(Provider.META)) {
      return Optional.of(NOT_SERVED);
    }
    if (whapiAuthentic(credentials) || metaMaybeAuthentic(credentials)) {
      return Optional.empty();
    }
    return Optional.of(new Unauthenticated(credentials.claimed()));
  }

  /**
   * The WhatsApp providers whose configured credential {@code credentials} carries for exactly
   * these {@code body} bytes; checked before the body is parsed.
   */
  public Set<Provider> whatsAppAuthenticated(WhatsAppCredentials credentials, byte[] body) {
    Set<Provider> authenticated = EnumSet.noneOf(Provider.class);
    if (whapiAuthentic(credentials)) {
      authenticated.add(Provider.WHAPI);
    }
    if (metaAuthentic(credentials, body)) {
      authenticated.add(Provider.META);
    }
    return authenticated;
  }

  /**
   * The decision for a WhatsApp body shaped like {@code shape}'s webhook ({@code "object":
   * "whatsapp_business_account"} is Meta's, anything else WHAPI's) that authenticated as
   * {@code authenticated}: only the provider the body belongs to may vouch for it.
   */
  public WebhookDecision whatsApp(Set<Provider> authenticated, Provider shape) {
    if (!serves(shape)) {
      return NOT_SERVED;
    }
    return authenticated.contains(shape) ? new Accepted(shape) : new Unauthenticated(shape);
  }

  private boolean whapiAuthentic(WhatsAppCredentials credentials) {
    return switch (access(Provider.WHAPI)) {
      case AUTHENTICATED -> whapiSecret.matches(credentials.webhookSecret())
          || whapiSecret.matches(credentials.bearer());
      case UNAUTHENTICATED_ALLOWED -> true;
      case REFUSED_NO_SECRET, NOT_SERVED -> false;
    };
  }

  private boolean metaMaybeAuthentic(WhatsAppCredentials credentials) {
    return switch (access(Provider.META)) {
      case AUTHENTICATED -> credentials.hubSignature() != null;
      case UNAUTHENTICATED_ALLOWED -> true;
      case REFUSED_NO_SECRET, NOT_SERVED -> false;
    };
  }

  private boolean metaAuthentic(WhatsAppCredentials credentials, byte[] body) {
    return switch (access(Provider.META)) {
      case AUTHENTICATED -> metaSignature.matches(body, credentials.hubSignature());
      case UNAUTHENTICATED_ALLOWED -> true;
      case REFUSED_NO_SECRET, NOT_SERVED -> false;
    };
  }

  private Set<Provider> providersWith(ProviderAccess wanted) {
    Set<Provider> providers = EnumSet.noneOf(Provider.class);
    access.forEach((provider, how) -> {
      if (how == wanted) {
        providers.add(provider);
      }
    });
    return providers;
  }

  @Override
  public String toString() {
    return "WebhookAuthenticator" + describe();
  }
}
