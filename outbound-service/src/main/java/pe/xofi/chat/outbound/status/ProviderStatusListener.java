package pe.xofi.chat.outbound.status;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import pe.xofi.chat.outbound.kafka.MaskedKeys;
import pe.xofi.chat.schemas.status.ProviderStatus;

/**
 * Reconciles each provider status callback with the sent-reply ledger; a failure (database or broker
 * unavailable) is rethrown so that spring-kafka retries it in the partition ({@link StatusKafkaConfiguration}).
 */
@Component
class ProviderStatusListener {

  /** Listener id, also the name of its container in the {@code KafkaListenerEndpointRegistry}. */
  static final String ID = "provider-statuses";

  private static final Logger log = LoggerFactory.getLogger(ProviderStatusListener.class);

  private final StatusReconciler reconciler;
  private final StatusMetrics metrics;

  ProviderStatusListener(StatusReconciler reconciler, StatusMetrics metrics) {
    this.reconciler = reconciler;
    this.metrics = metrics;
  }

  @KafkaListener(
      id = ID,
      groupId = "${xofi.outbound.delivery.group-id}",
      topics = "#{T(pe.xofi.chat.schemas.Topics).PROVIDER_STATUSES.name()}",
      containerFactory = StatusKafkaConfiguration.CONTAINER_FACTORY)
  void onStatus(ConsumerRecord<String, ProviderStatus> record) {
    ProviderStatus status = record.value();
    StatusOutcome outcome = reconciler.reconcile(status, record.headers());
    metrics.status(status.provider(), outcome);
    switch (outcome) {
      case RECORDED -> log.debug("{} status {} of {} recorded", status.provider(), status.status(),
          MaskedKeys.of(record.key()));
      case UNKNOWN_MESSAGE -> log.debug("{} status {} of {} names no sent reply; skipped", status.provider(),
          status.status(), MaskedKeys.of(record.key()));
      case DUPLICATE, IGNORED -> { }
    }
  }
}
