package pe.xofi.chat.outbound.provider.whapi;

import io.netty.channel.ChannelOption;
import java.time.Clock;
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

/** The WHAPI sender and media fetcher, bound to the configured base URL and token. */
@Configuration(proxyBeanMethods = false)
class WhapiConfiguration {

  private static final Logger log = LoggerFactory.getLogger(WhapiConfiguration.class);

  @Bean
  WhapiClient whapiClient(WhapiProperties properties, WebClient.Builder builder, Clock clock) {
    if (!properties.hasToken()) {
      // the service still starts so local stacks come up, but every send will fail with 401
      log.warn("""

          ************************************************************************
          WHATSAPP_API_TOKEN is not set: WHAPI will refuse every send with 401, and
          every reply will become a FAILED delivery event on the dead-letter topic.
          ************************************************************************""");
    }
    HttpClient http = HttpClient.create()
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.timeout().toMillis())
        .responseTimeout(properties.timeout());
    WebClient web = builder
        .clientConnector(new ReactorClientHttpConnector(http))
        .baseUrl(properties.baseUrl().toString())
        .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + (properties.hasToken() ? properties.token() : ""))
        .build();
    log.info("WHAPI sends go to {} (interactive messages {})", properties.baseUrl(),
        properties.interactive() ? "on" : "off");
    return new WhapiClient(web, properties.timeout(), properties.interactive(), clock);
  }

  /**
   * Downloads get their own, longer, budget (a 10 MiB file takes longer than a send) and go only to
   * WHAPI and its media hosts ({@code xofi.outbound.media.hosts.whapi}).
   */
  @Bean
  WhapiMediaFetcher whapiMediaFetcher(
      WhapiProperties properties, MediaProperties media, WebClient.Builder builder, Environment environment) {
    MediaSources sources = new MediaSources("WHAPI", properties.baseUrl(),
        MediaProperties.Hosts.parse(media.hosts().whapi()), MediaSources.isLocal(environment));
    WebClient web = builder.clone().clientConnector(sources.connector(media.timeout())).build();
    log.info("WHAPI media downloads from {} and {}", properties.baseUrl(), media.hosts().whapi());
    return new WhapiMediaFetcher(web, sources, properties.token(), media.timeout());
  }
}
