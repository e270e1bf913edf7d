package pe.xofi.chat.conversation.member.postgres;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the stream thread uses the member database ({@code xofi.member.*}); the address and the
 * credentials are {@code spring.r2dbc.*}.
 *
 * @param queryTimeout   the longest a call may block the stream thread, connecting included
 * @param poolSize       the most connections held open; one stream thread uses one at a time
 * @param connectTimeout the longest the pool spends opening one connection; longer than a call may
 *                       wait, so a connection that is slow to open (a loaded server, a cold start)
 *                       still joins the pool for the next call instead of being abandoned
 */
@ConfigurationProperties("xofi.member")
public record MemberDatabaseProperties(
    @DefaultValue("2s") Duration queryTimeout,
    @DefaultValue("4") int poolSize,
    @DefaultValue("10s") Duration connectTimeout) {

  @ConstructorBinding
  public MemberDatabaseProperties {
    if (queryTimeout.isNegative() || queryTimeout.isZero()) {
      throw new IllegalArgumentException("xofi.member.query-timeout must be positive");
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("xofi.member.pool-size must be at least 1");
    }
    if (connectTimeout.compareTo(queryTimeout) < 0) {
      throw new IllegalArgumentException("xofi.member.connect-timeout must not be shorter than the query timeout");
    }
  }

  /** Properties whose connections open within the query timeout (tests of the bounds). */
  public MemberDatabaseProperties(Duration queryTimeout, int poolSize) {
    this(queryTimeout, poolSize, queryTimeout);
  }
}
