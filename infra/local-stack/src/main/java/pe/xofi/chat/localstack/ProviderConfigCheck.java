package pe.xofi.chat.localstack;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks the provider configuration of an environment: which credentials are set and missing, and
 * whether each configured provider answers a harmless read with them (WHAPI {@code GET /settings},
 * Meta {@code GET /{version}/{phone-number-id}}, Telegram {@code getMe}). WhatsApp is needed, with the
 * provider {@code WHATSAPP_PROVIDER} names; Telegram is checked when its token is set. Every provider
 * the ingress serves ({@code XOFI_WEBHOOK_PROVIDERS}, default all three) needs its webhook secret, as
 * the ingress refuses to start without it.
 */
final class ProviderConfigCheck {

  /** One HTTP GET with optional bearer token; answers the status, or -1 when unreachable. */
  interface Probe {
    int get(URI uri, String bearer);
  }

  /** A line of the report; {@code problem} lines make the check fail. */
  record Line(String text, boolean problem) {}

  private final Map<String, String> env;
  private final Probe probe;
  private final List<Line> lines = new ArrayList<>();

  ProviderConfigCheck(Map<String, String> env, Probe probe) {
    this.env = env;
    this.probe = probe;
  }

  /** The report, in order; the configuration is usable when no line is a problem. */
  List<Line> run() {
    String provider = value("WHATSAPP_PROVIDER", "whapi").toLowerCase(java.util.Locale.ROOT);
    section("WhatsApp (WHATSAPP_PROVIDER=" + provider + ")");
    switch (provider) {
      case "whapi" -> whapi();
      case "meta" -> meta();
      default -> problem("WHATSAPP_PROVIDER must be whapi or meta");
    }
    section("Telegram");
    if (set("TELEGRAM_BOT_TOKEN")) {
      telegram();
    } else {
      info("not configured (TELEGRAM_BOT_TOKEN unset): the Telegram channel is off");
    }
    webhookAuthentication();
    section("Webhook URLs to register");
    String base = value("BASE_URL", null);
    if (base == null) {
      problem("BASE_URL is missing: the public HTTPS root of the ingress, e.g. https://bot.xofi.pe");
    } else {
      String root = base.replaceAll("/+$", "");
      info("WhatsApp (WHAPI and Meta): " + root + "/chatbot/webhook/whatsapp/");
      info("Telegram:                  " + root + "/chatbot/webhook/telegram/");
    }
    return List.copyOf(lines);
  }

  private void whapi() {
    String base = value("WHAPI_BASE_URL", "https://gate.whapi.cloud");
    required("WHATSAPP_API_TOKEN", "WHAPI channel token (dashboard > channel > API token)");
    if (set("WHATSAPP_API_TOKEN")) {
      answers("WHAPI", URI.create(base + "/settings"), env.get("WHATSAPP_API_TOKEN"));
    }
    info("Steps: 1) copy the channel token into WHATSAPP_API_TOKEN; 2) pick WHATSAPP_WEBHOOK_SECRET "
        + "(openssl rand -hex 32); 3) PATCH " + base + "/settings with webhooks[0].url = BASE_URL/chatbot/webhook/whatsapp/, "
        + "events messages.post and statuses.post, headers {\"X-Webhook-Secret\": <secret>}");
  }

  private void meta() {
    String base = value("META_GRAPH_BASE_URL", "https://graph.facebook.com");
    String version = value("META_GRAPH_VERSION", "v21.0");
    required("WHATSAPP_API_TOKEN", "system-user access token with whatsapp_business_messaging");
    required("WHATSAPP_PHONE_NUMBER_ID", "the business phone number id (WhatsApp > API Setup)");
    if (set("WHATSAPP_API_TOKEN") && set("WHATSAPP_PHONE_NUMBER_ID")) {
      answers("Meta", URI.create(base + "/" + version + "/" + env.get("WHATSAPP_PHONE_NUMBER_ID")),
          env.get("WHATSAPP_API_TOKEN"));
    }
    info("Steps: 1) App Dashboard > WhatsApp > Configuration > Webhook: callback URL = BASE_URL/chatbot/webhook/whatsapp/, "
        + "Verify Token = WHATSAPP_WEBHOOK_VERIFY_TOKEN (Meta calls GET with hub.challenge); 2) subscribe the field "
        + "\"messages\"; 3) App Settings > Basic > App Secret into WHATSAPP_APP_SECRET");
  }

  private void telegram() {
    String base = value("TELEGRAM_API_BASE_URL", "https://api.telegram.org");
    answers("Telegram", URI.create(base + "/bot" + env.get("TELEGRAM_BOT_TOKEN") + "/getMe"), null);
    info("Steps: 1) create the bot with @BotFather, token into TELEGRAM_BOT_TOKEN; 2) POST " + base
        + "/bot<token>/setWebhook with url = BASE_URL/chatbot/webhook/telegram/, secret_token = TELEGRAM_WEBHOOK_SECRET, "
        + "allowed_updates [\"message\",\"callback_query\"]");
  }

  /** The ingress refuses to start when a provider it serves has no secret; say so before it does. */
  private void webhookAuthentication() {
    String providers = value("XOFI_WEBHOOK_PROVIDERS", "whapi,meta,telegram").toLowerCase(java.util.Locale.ROOT);
    java.util.Set<String> served = new java.util.LinkedHashSet<>();
    for (String provider : providers.split(",")) {
      if (!provider.isBlank()) {
        served.add(provider.strip());
      }
    }
    section("Webhook authentication (XOFI_WEBHOOK_PROVIDERS=" + String.join(",", served) + ")");
    if (served.contains("whapi")) {
      servedSecret("WHATSAPP_WEBHOOK_SECRET", "whapi", "WHAPI sends it as X-Webhook-Secret (openssl rand -hex 32)");
    }
    if (served.contains("meta")) {
      servedSecret("WHATSAPP_APP_SECRET", "meta", "the Meta app secret that signs webhooks (X-Hub-Signature-256)");
      if (set("WHATSAPP_WEBHOOK_VERIFY_TOKEN")) {
        info("set  WHATSAPP_WEBHOOK_VERIFY_TOKEN");
      } else {
        problem("WHATSAPP_WEBHOOK_VERIFY_TOKEN is missing: the ingress serves meta (XOFI_WEBHOOK_PROVIDERS); "
            + "the Verify Token typed in the webhook settings");
      }
    }
    if (served.contains("telegram")) {
      servedSecret("TELEGRAM_WEBHOOK_SECRET", "telegram", "setWebhook secret_token (1-256 of A-Z a-z 0-9 _ -)");
    }
    served.stream().filter(p -> !java.util.Set.of("whapi", "meta", "telegram").contains(p))
        .forEach(p -> problem("XOFI_WEBHOOK_PROVIDERS names " + p + ": only whapi, meta and telegram exist"));
    if ("true".equalsIgnoreCase(value("XOFI_ALLOW_UNAUTHENTICATED_WEBHOOKS", "false"))) {
      problem("XOFI_ALLOW_UNAUTHENTICATED_WEBHOOKS=true lets anyone post as any member; demos only");
    }
  }

  private void servedSecret(String name, String provider, String meaning) {
    if (set(name)) {
      info("set  " + name);
    } else {
      problem(name + " is missing: the ingress serves " + provider + " (XOFI_WEBHOOK_PROVIDERS) and refuses to start without it; "
          + meaning);
    }
  }

  private void answers(String provider, URI uri, String bearer) {
    int status = probe.get(uri, bearer);
    String where = uri.getScheme() + "://" + uri.getAuthority();
    if (status >= 200 && status < 300) {
      info("OK   " + provider + " answered " + status + " at " + where + " with these credentials");
    } else if (status < 0) {
      problem(provider + " unreachable at " + where);
    } else {
      problem(provider + " answered " + status + " at " + where + (status == 401 || status == 403 ? ": credentials refused" : ""));
    }
  }

  private void required(String name, String meaning) {
    if (set(name)) {
      info("set  " + name);
    } else {
      problem(name + " is missing: " + meaning);
    }
  }

  private boolean set(String name) {
    String value = env.get(name);
    return value != null && !value.isBlank();
  }

  private String value(String name, String fallback) {
    return set(name) ? env.get(name).trim() : fallback;
  }

  private void section(String title) {
    lines.add(new Line("", false));
    lines.add(new Line(title, false));
  }

  private void info(String text) {
    lines.add(new Line("  " + text, false));
  }

  private void problem(String text) {
    lines.add(new Line("  MISSING/FAILED  " + text, true));
  }
}
