package pe.xofi.chat.conversation.member.postgres;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;

/**
 * The member database's connection pool: small; a caller never waits for a connection longer than
 * one query may take, while opening a connection may take up to the connect timeout.
 */
public final class MemberConnectionPool {

  private MemberConnectionPool() {}

  /** A pool of at most {@code poolSize} connections to the database {@code options} point at. */
  public static ConnectionPool create(ConnectionFactoryOptions options, MemberDatabaseProperties properties) {
    ConnectionFactoryOptions bounded =
        options.mutate().option(ConnectionFactoryOptions.CONNECT_TIMEOUT, properties.connectTimeout()).build();
    return new ConnectionPool(
        ConnectionPoolConfiguration.builder(ConnectionFactories.get(bounded))
            .name("member-database")
            .initialSize(0)
            .maxSize(properties.poolSize())
            .maxAcquireTime(properties.connectTimeout())
            .maxCreateConnectionTime(properties.connectTimeout())
            .build());
  }
}
