package pe.xofi.chat.localstack;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks the provider configuration of an environment: which credentials are set and missing, and
 * whether each configured provider answers a harmless read with them (WHAPI {@code GET /settings},
 * Meta {@code GET /{version}/{phone-number-id}}, Telegram {@code getMe}). WhatsApp is needed, with the
 * provider {@code WHATSAPP_PROVIDER} names; Telegram is checked when its token is set.
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
    recommended("WHATSAPP_WEBHOOK_SECRET", "shared secret WHAPI sends as X-Webhook-Secret");
    if (set("WHATSAPP_API_TOKEN")) {
      answers("WHAPI", URI.create(base + "/settings"), env.get("WHATSAPP_API_TOKEN"));
    }
    info("Steps: 1) copy the channel token into WHATSAPP_API_TOKEN; 2) pick WHATSAPP_WEBHOOK_SECRET "
        + "(openssl rand -hex 24); 3) PATCH " + base + "/settings with webhooks[0].url = BASE_URL/chatbot/webhook/whatsapp/, "
        + "events messages.post and statuses.post, headers {\"X-Webhook-Secret\": <secret>}");
  }

  private void meta() {
    String base = value("META_GRAPH_BASE_URL", "https://graph.facebook.com");
    String version = value("META_GRAPH_VERSION", "v21.0");
    required("WHATSAPP_API_TOKEN", "system-user access token with whatsapp_business_messaging");
    required("WHATSAPP_PHONE_NUMBER_ID", "the business phone number id (WhatsApp > API Setup)");
    required("WHATSAPP_APP_SECRET", "the Meta app secret that signs webhooks (X-Hub-Signature-256)");
    required("WHATSAPP_WEBHOOK_VERIFY_TOKEN", "the Verify Token typed in the webhook settings");
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
    required("TELEGRAM_WEBHOOK_SECRET", "secret_token for setWebhook (1-256 of A-Z a-z 0-9 _ -)");
    answers("Telegram", URI.create(base + "/bot" + env.get("TELEGRAM_BOT_TOKEN") + "/getMe"), null);
    info("Steps: 1) create the bot with @BotFather, token into TELEGRAM_BOT_TOKEN; 2) POST " + base
        + "/bot<token>/setWebhook with url = BASE_URL/chatbot/webhook/telegram/, secret_token = TELEGRAM_WEBHOOK_SECRET, "
        + "allowed_updates [\"message\",\"callback_query\"]");
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

  private void recommended(String name, String meaning) {
    info((set(name) ? "set  " : "unset (recommended) ") + name + (set(name) ? "" : ": " + meaning));
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
