package pe.xofi.chat.conversation.streams;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pe.xofi.chat.conversation.engine.auth.AuthAlert;
import pe.xofi.chat.conversation.engine.auth.AuthAlert.DniLocked;
import pe.xofi.chat.conversation.engine.auth.AuthAlert.DniTriedFromSeveralNumbers;
import pe.xofi.chat.conversation.engine.auth.AuthAlert.UnregisteredPhone;
import pe.xofi.chat.conversation.metrics.ConversationMetrics;
import pe.xofi.chat.schemas.inbound.ConversationKey;

/**
 * Counts and logs the identification alerts of a decision; the log line names the member by partner
 * id and the conversation masked, never a DNI, a birth year or a whole phone number.
 */
final class AuthAlertReport {

  private static final Logger log = LoggerFactory.getLogger(AuthAlertReport.class);

  private final ConversationMetrics metrics;

  AuthAlertReport(ConversationMetrics metrics) {
    this.metrics = metrics;
  }

  void report(List<AuthAlert> alerts, ConversationKey key) {
    for (AuthAlert alert : alerts) {
      switch (alert) {
        case DniTriedFromSeveralNumbers several -> {
          metrics.dniTriedFromSeveralNumbers();
          log.warn(
              "DNI of partner {} tried from {} conversations within a day, now from {}",
              several.partnerId(),
              several.conversations(),
              key.masked());
        }
        case DniLocked locked -> {
          metrics.dniLocked();
          log.warn(
              "DNI of partner {} locked until {} after {} failures within a day, the last from {}",
              locked.partnerId(),
              locked.until(),
              locked.failures(),
              key.masked());
        }
        case UnregisteredPhone phone -> {
          metrics.unregisteredPhone(phone.binding().name());
          log.info(
              "partner {} {} from {}, not the registered phone (phone binding {})",
              phone.partnerId(),
              switch (phone.binding()) {
                case REQUIRE -> "refused identification";
                case WARN, OFF -> "identified";
              },
              key.masked(),
              phone.binding());
        }
      }
    }
  }
}
