package pe.xofi.chat.conversation.member;

import io.r2dbc.pool.ConnectionPool;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import pe.xofi.chat.conversation.member.postgres.BlockingDatabase;
import pe.xofi.chat.conversation.member.postgres.MemberConnectionPool;
import pe.xofi.chat.conversation.member.postgres.MemberDatabaseProperties;
import pe.xofi.chat.conversation.member.postgres.PostgresIdentificationLedger;
import pe.xofi.chat.conversation.member.postgres.PostgresPartnerDirectory;
import pe.xofi.chat.conversation.member.postgres.PostgresReceiptInbox;
import pe.xofi.chat.conversation.member.postgres.PostgresTicketDesk;

/**
 * The member domain on PostgreSQL: the ports the engine needs, over one small R2DBC pool at {@code
 * spring.r2dbc.url} (Flyway migrates the schema at {@code spring.flyway.url} before anything runs).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MemberDatabaseProperties.class)
class MemberConfiguration {

  /** Replaces Boot's pool (and its {@code spring.r2dbc.pool.*}): sized and bounded by {@code xofi.member.*}. */
  @Bean(destroyMethod = "dispose")
  ConnectionPool memberConnectionPool(R2dbcConnectionDetails connection, MemberDatabaseProperties properties) {
    return MemberConnectionPool.create(connection.getConnectionFactoryOptions(), properties);
  }

  @Bean
  BlockingDatabase blockingDatabase(DatabaseClient client, MemberDatabaseProperties properties) {
    return new BlockingDatabase(client, properties.queryTimeout());
  }

  @Bean
  PartnerDirectory partnerDirectory(BlockingDatabase database) {
    return new PostgresPartnerDirectory(database);
  }

  @Bean
  IdentificationLedger identificationLedger(BlockingDatabase database) {
    return new PostgresIdentificationLedger(database);
  }

  @Bean
  TicketDesk ticketDesk(BlockingDatabase database) {
    return new PostgresTicketDesk(database);
  }

  @Bean
  ReceiptInbox receiptInbox(BlockingDatabase database) {
    return new PostgresReceiptInbox(database);
  }
}
