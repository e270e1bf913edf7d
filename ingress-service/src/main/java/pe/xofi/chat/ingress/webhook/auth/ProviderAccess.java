package pe.xofi.chat.ingress.webhook.auth;

/**
 * How the ingress treats one provider's webhooks, fixed by configuration at start: a served provider
 * with a secret is authenticated, one without a secret is refused unless unauthenticated webhooks
 * are explicitly allowed, and a provider not served is not found.
 */
public enum ProviderAccess {
  /** Its secret is configured; only requests carrying it are accepted. */
  AUTHENTICATED("authenticated"),
  /** No secret, and XOFI_ALLOW_UNAUTHENTICATED_WEBHOOKS=true: every request is accepted (demos only). */
  UNAUTHENTICATED_ALLOWED("unauthenticated(allowed)"),
  /** No secret: every request is refused with 401. */
  REFUSED_NO_SECRET("refused(no secret)"),
  /** Not in XOFI_WEBHOOK_PROVIDERS: its requests are answered 404. */
  NOT_SERVED("not served");

  private final String label;

  ProviderAccess(String label) {
    this.label = label;
  }

  /** The access of a provider that is {@code served}, has a secret or not, under the allow flag. */
  public static ProviderAccess of(boolean served, boolean secretConfigured, boolean allowUnauthenticated) {
    if (!served) {
      return NOT_SERVED;
    }
    if (secretConfigured) {
      return AUTHENTICATED;
    }
    return allowUnauthenticated ? UNAUTHENTICATED_ALLOWED : REFUSED_NO_SECRET;
  }

  /** How {@code /actuator/health} shows it. */
  public String label() {
    return label;
  }
}
