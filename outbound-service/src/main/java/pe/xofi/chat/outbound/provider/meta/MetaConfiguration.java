package pe.xofi.chat.outbound.provider.meta;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import pe.xofi.chat.outbound.media.MediaProperties;
import pe.xofi.chat.outbound.media.MediaSources;
import reactor.netty.http.client.HttpClient;

/** The Meta Cloud API sender and media fetcher, bound to the configured Graph URL, version and token. */
@Configuration(proxyBeanMethods = false)
class MetaConfiguration {

  private static final Logger log = LoggerFactory.getLogger(MetaConfiguration.class);

  @Bean
  MetaClient metaClient(MetaProperties properties, WebClient.Builder builder) {
    if (!properties.configured()) {
      log.info("Meta Cloud API not configured (WHATSAPP_API_TOKEN, WHATSAPP_PHONE_NUMBER_ID): Meta replies will fail");
    }
    WebClient web = builder.clone()
        .clientConnector(connector(properties.timeout()))
        .baseUrl(properties.baseUrl().toString())
        .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + (properties.token() == null ? "" : properties.token()))
        .build();
    log.info("Meta sends go to {}/{}/<phone-number-id>/messages", properties.baseUrl(), properties.version());
    return new MetaClient(web, properties.version(), properties.phoneNumberId(), properties.timeout());
  }

  /** Downloads go only to the Graph API and Meta's media hosts ({@code xofi.outbound.media.hosts.meta}). */
  @Bean
  MetaMediaFetcher metaMediaFetcher(
      MetaProperties properties, MediaProperties media, WebClient.Builder builder, Environment environment) {
    MediaSources sources = new MediaSources("Meta", properties.baseUrl(),
        MediaProperties.Hosts.parse(media.hosts().meta()), MediaSources.isLocal(environment));
    WebClient web = builder.clone().clientConnector(sources.connector(media.timeout())).build();
    return new MetaMediaFetcher(web, sources, properties.version(), properties.token(), media.timeout());
  }

  static ReactorClientHttpConnector connector(Duration timeout) {
    return new ReactorClientHttpConnector(HttpClient.create()
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
        .responseTimeout(timeout));
  }
}
