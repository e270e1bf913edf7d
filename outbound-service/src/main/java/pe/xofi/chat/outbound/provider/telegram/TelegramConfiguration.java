package pe.xofi.chat.outbound.provider.telegram;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import pe.xofi.chat.outbound.media.MediaProperties;
import pe.xofi.chat.outbound.media.MediaSources;
import reactor.netty.http.client.HttpClient;

/** The Telegram sender and media fetcher, bound to the configured Bot API URL and token. */
@Configuration(proxyBeanMethods = false)
class TelegramConfiguration {

  private static final Logger log = LoggerFactory.getLogger(TelegramConfiguration.class);

  @Bean
  TelegramClient telegramClient(TelegramProperties properties, WebClient.Builder builder) {
    if (!properties.configured()) {
      log.info("TELEGRAM_BOT_TOKEN is not set: Telegram replies will fail");
    }
    WebClient web = builder.clone()
        .clientConnector(connector(properties.timeout()))
        .baseUrl(properties.baseUrl().toString())
        .build();
    log.info("Telegram sends go to {}/bot<token>/sendMessage", properties.baseUrl());
    return new TelegramClient(web, properties.token(), properties.timeout());
  }

  /** Downloads go only to the Bot API origin (and {@code xofi.outbound.media.hosts.telegram}, empty by default). */
  @Bean
  TelegramMediaFetcher telegramMediaFetcher(
      TelegramProperties properties, MediaProperties media, WebClient.Builder builder, Environment environment) {
    MediaSources sources = new MediaSources("Telegram", properties.baseUrl(),
        MediaProperties.Hosts.parse(media.hosts().telegram()), MediaSources.isLocal(environment));
    WebClient web = builder.clone().clientConnector(sources.connector(media.timeout())).build();
    return new TelegramMediaFetcher(web, sources, properties.token(), media.timeout());
  }

  private static ReactorClientHttpConnector connector(Duration timeout) {
    return new ReactorClientHttpConnector(HttpClient.create()
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
        .responseTimeout(timeout));
  }
}
