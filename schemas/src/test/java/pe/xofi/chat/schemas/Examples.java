package pe.xofi.chat.schemas;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import pe.xofi.chat.schemas.audit.AuditAction;
import pe.xofi.chat.schemas.audit.AuditEvent;
import pe.xofi.chat.schemas.audit.AuditOutcome;
import pe.xofi.chat.schemas.delivery.DeliveryEvent;
import pe.xofi.chat.schemas.delivery.DeliveryStatus;
import pe.xofi.chat.schemas.events.ConversationEvent;
import pe.xofi.chat.schemas.events.ConversationEventType;
import pe.xofi.chat.schemas.events.ConversationSnapshot;
import pe.xofi.chat.schemas.inbound.Channel;
import pe.xofi.chat.schemas.inbound.InboundEnvelope;
import pe.xofi.chat.schemas.inbound.Provider;
import pe.xofi.chat.schemas.inbound.Sender;
import pe.xofi.chat.schemas.media.MediaDownload;
import pe.xofi.chat.schemas.outbound.OutboundContent;
import pe.xofi.chat.schemas.outbound.OutboundContent.Choice;
import pe.xofi.chat.schemas.outbound.OutboundMessage;
import pe.xofi.chat.schemas.privacy.Sealed;
import pe.xofi.chat.schemas.status.ProviderStatus;

/** One realistic value of every record, for round-trip and schema tests. */
final class Examples {

  static final Instant RECEIVED = Instant.parse("2026-11-24T10:15:30.123Z");

  static final String WHAPI_TEXT =
      """
      {"id":"rAmjVf1bsR7Vv32teVuI2A-hV0RKygAsKs","from_me":false,"type":"text",\
      "chat_id":"51902376744@s.whatsapp.net","timestamp":1762876458,"source":"mobile",\
      "text":{"body":"Hola"},"from":"51902376744","from_name":"Usuario"}""";

  static InboundEnvelope inbound() {
    return new InboundEnvelope(
        "rAmjVf1bsR7Vv32teVuI2A-hV0RKygAsKs",
        Channel.WHATSAPP,
        Provider.WHAPI,
        "wa:51902376744",
        new Sender("51902376744", "Usuario"),
        RECEIVED,
        Instant.ofEpochSecond(1762876458),
        Json.MAPPER.readTree(WHAPI_TEXT));
  }

  /** The same message as the ingress publishes it: text and sender name sealed with the conversation's key. */
  static InboundEnvelope sealedInbound() {
    return new InboundEnvelope(
        "rAmjVf1bsR7Vv32teVuI2A-hV0RKygAsKs",
        Channel.WHATSAPP,
        Provider.WHAPI,
        "wa:51902376744",
        new Sender("51902376744", null),
        RECEIVED,
        Instant.ofEpochSecond(1762876458),
        null,
        SEALED);
  }

  static final Sealed SEALED = new Sealed("dk-3f9a1c2b", "AAECAwQFBgcICQoLkq9zL0W1pVfQ8yX2c4n6Jg==");

  /** A reply as the engine publishes it: content sealed with the conversation's key. */
  static OutboundMessage sealedOutbound() {
    return new OutboundMessage(
        "rAmjVf1bsR7Vv32teVuI2A-hV0RKygAsKs#1",
        Channel.WHATSAPP,
        Provider.WHAPI,
        "wa:51902376744",
        "51902376744",
        null,
        "rAmjVf1bsR7Vv32teVuI2A-hV0RKygAsKs",
        RECEIVED,
        SEALED);
  }

  static ProviderStatus status() {
    return new ProviderStatus(
        Provider.WHAPI,
        "wa:919984351847",
        "p.w30M7fgwWD4XwHu.g4CA-gBgTwl0rVw",
        "read",
        RECEIVED,
        Instant.ofEpochSecond(1712995290),
        Json.MAPPER.readTree(
            """
            {"id":"p.w30M7fgwWD4XwHu.g4CA-gBgTwl0rVw","code":4,"status":"read",\
            "recipient_id":"919984351847@s.whatsapp.net","timestamp":"1712995290"}"""));
  }

  static List<OutboundContent> contents() {
    return List.of(
        new OutboundContent.Text("¡Hola! Soy el asistente de *Xofi Recaudo*."),
        new OutboundContent.Buttons(
            "Menú",
            "¿Qué deseas hacer?",
            "Xofi Recaudo",
            List.of(
                new Choice("menu.info", "Mis datos", null),
                new Choice("menu.loans", "Mis préstamos", null))),
        new OutboundContent.ListMenu(
            null,
            "Elige un préstamo",
            null,
            "Ver préstamos",
            List.of(
                new OutboundContent.Section(
                    "Activos",
                    List.of(new Choice("loan.PR-1001", "PR-1001", "Crédito personal"))))),
        new OutboundContent.Template(
            "recordatorio_cuota", "es_PE", List.of("María", "S/ 550.00"), "Recordatorio de cuota"));
  }

  static OutboundMessage outbound(OutboundContent content) {
    return new OutboundMessage(
        "rAmjVf1bsR7Vv32teVuI2A-hV0RKygAsKs#1",
        Channel.WHATSAPP,
        Provider.WHAPI,
        "wa:51902376744",
        "51902376744",
        content,
        "rAmjVf1bsR7Vv32teVuI2A-hV0RKygAsKs",
        RECEIVED);
  }

  static DeliveryEvent delivery() {
    return new DeliveryEvent(
        "rAmjVf1bsR7Vv32teVuI2A-hV0RKygAsKs#1",
        "wa:51902376744",
        Provider.WHAPI,
        "PsqXn5SAD5v7HRA-wHqB9tg",
        DeliveryStatus.SENT,
        null,
        201,
        1,
        RECEIVED.plusMillis(40),
        RECEIVED.plusMillis(40),
        RECEIVED.plusMillis(95));
  }

  static MediaDownload media() {
    return new MediaDownload(
        "RC-000001",
        "wa:51902376744",
        Provider.WHAPI,
        "jpeg-7d2b3c1f0e4d5a6b",
        null,
        "image/jpeg",
        RECEIVED);
  }

  /** A handled message of an identified member in the middle of a ticket, with its snapshot. */
  static ConversationEvent event() {
    return new ConversationEvent(
        "rAmjVf1bsR7Vv32teVuI2A-hV0RKygAsKs/MESSAGE_HANDLED",
        "wa:51902376744",
        ConversationEventType.MESSAGE_HANDLED,
        "rAmjVf1bsR7Vv32teVuI2A-hV0RKygAsKs",
        "create_ticket",
        RECEIVED,
        412,
        Map.of("replies", "1"),
        new ConversationSnapshot(
            1L, true, null, Map.of("pending_action", "create_ticket", "step", "description", "ticket_subject", "Pago")));
  }

  /** An audit fact without snapshot. */
  static ConversationEvent authenticated() {
    return new ConversationEvent(
        "rAmjVf1bsR7Vv32teVuI2A-hV0RKygAsKs/AUTHENTICATED",
        "wa:51902376744",
        ConversationEventType.AUTHENTICATED,
        "rAmjVf1bsR7Vv32teVuI2A-hV0RKygAsKs",
        "authenticate",
        RECEIVED,
        0,
        Map.of("partnerId", "1"));
  }

  /** An operator read a member's transcript. */
  static AuditEvent audit() {
    return new AuditEvent(
        "5f0c6a52-8d5e-4f0e-9d1b-2c7a4e3b9f10",
        RECEIVED,
        "ana",
        List.of("operator"),
        AuditAction.TRANSCRIPT_VIEWED,
        "wa:51902376744",
        AuditOutcome.FOUND);
  }

  private Examples() {}
}
