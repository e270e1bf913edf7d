package pe.xofi.chat.membercrypto;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The {@link EnvelopeSealer} of a service that seals or opens members' data. Fails closed: outside
 * the {@code local} profile a service without {@code XOFI_DATA_KEYSET} does not start. The data-key
 * pool is the service's own small JDBC pool, not a {@code DataSource} bean, so it changes nothing of
 * the service's own persistence.
 */
@AutoConfiguration
@EnableConfigurationProperties(MemberCryptoProperties.class)
public class MemberCryptoAutoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(MemberCryptoAutoConfiguration.class);

  @Bean
  @ConditionalOnMissingBean
  MemberKeyConnections memberKeyConnections(MemberCryptoProperties properties) {
    return properties.keyset().isBlank() ? MemberKeyConnections.none() : MemberKeyConnections.open(properties);
  }

  @Bean
  @ConditionalOnMissingBean
  EnvelopeSealer envelopeSealer(MemberCryptoProperties properties, MemberKeyConnections connections, Environment environment) {
    if (properties.keyset().isBlank()) {
      if (properties.required() && !environment.acceptsProfiles(Profiles.of("local"))) {
        throw new IllegalStateException(MasterKeys.ENVIRONMENT_VARIABLE + " is not set: members' data would rest in clear"
            + " on Kafka (set it from a Secret; ./xofi up generates one into .run/secrets.env)");
      }
      if (properties.required()) {
        log.warn("{} is not set (profile local): members' data is published in clear", MasterKeys.ENVIRONMENT_VARIABLE);
      }
      return EnvelopeSealer.clear();
    }
    MasterKeys master = MasterKeys.fromJson(properties.keyset());
    return new EnvelopeSealer(new RecordSealer(new DataKeys(
        master, new MigratedMemberKeyStore(connections.dataSource()), properties.cacheTtl(), properties.cacheSize())));
  }

  /** The data-key pool, closed with the context. */
  public static final class MemberKeyConnections implements AutoCloseable {

    private final HikariDataSource dataSource;

    private MemberKeyConnections(HikariDataSource dataSource) {
      this.dataSource = dataSource;
    }

    static MemberKeyConnections none() {
      return new MemberKeyConnections(null);
    }

    static MemberKeyConnections open(MemberCryptoProperties properties) {
      HikariConfig config = new HikariConfig();
      config.setPoolName("member-keys");
      config.setJdbcUrl("jdbc:" + properties.dbUrl().replaceFirst("^(jdbc:|r2dbc:)", ""));
      config.setUsername(properties.dbUser());
      config.setPassword(properties.dbPassword());
      config.setMaximumPoolSize(properties.poolSize());
      config.setMinimumIdle(0);
      config.setConnectionTimeout(Math.max(250, properties.timeout().toMillis()));
      // the database may come up after the service: connect on first use, not at start
      config.setInitializationFailTimeout(-1);
      return new MemberKeyConnections(new HikariDataSource(config));
    }

    HikariDataSource dataSource() {
      return dataSource;
    }

    @Override
    public void close() {
      if (dataSource != null) {
        dataSource.close();
      }
    }
  }
}
