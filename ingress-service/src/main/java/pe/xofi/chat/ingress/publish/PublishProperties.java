package pe.xofi.chat.ingress.publish;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a webhook waits for Kafka.
 *
 * @param timeout longest time from the first send to the last ack before the webhook gets 503
 */
@ConfigurationProperties("xofi.ingress.publish")
public record PublishProperties(@DefaultValue("5s") Duration timeout) {}
