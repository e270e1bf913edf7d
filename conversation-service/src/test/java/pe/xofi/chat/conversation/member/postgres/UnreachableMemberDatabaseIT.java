package pe.xofi.chat.conversation.member.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import pe.xofi.chat.conversation.member.MemberDataUnavailableException;
import pe.xofi.chat.conversation.member.SourceMessage;
import pe.xofi.chat.schemas.inbound.ConversationKey;

/**
 * A database that cannot be reached, or that accepts connections and never answers: the stream
 * thread gets a MemberDataUnavailableException within the query timeout, never a hang.
 */
class UnreachableMemberDatabaseIT {

  private static final Duration TIMEOUT = Duration.ofMillis(500);

  @Test
  void shouldFailWithinTheTimeoutWhenNothingListensOnThePort() throws IOException {
    // given
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ConnectionPool pool = pool(closedPort);
    PostgresPartnerDirectory directory = new PostgresPartnerDirectory(new BlockingDatabase(DatabaseClient.create(pool), TIMEOUT));

    try {
      // when
      long started = System.nanoTime();
      Throwable thrown = catchThrowable(() -> directory.findByDni("12345678"));
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      // then
      assertThat(thrown)
          .isInstanceOf(MemberDataUnavailableException.class)
          .hasMessage("member database unavailable: find partner by DNI");
      assertThat(took).isLessThan(TIMEOUT.plusSeconds(1));
    } finally {
      pool.dispose();
    }
  }

  @Test
  void shouldFailWithinTheTimeoutWhenTheServerNeverAnswers() throws IOException {
    // given
    try (ServerSocket silent = new ServerSocket(0)) {
      List<Socket> accepted = new CopyOnWriteArrayList<>();
      Thread.ofVirtual().start(() -> acceptForever(silent, accepted));
      ConnectionPool pool = pool(silent.getLocalPort());
      PostgresTicketDesk desk = new PostgresTicketDesk(new BlockingDatabase(DatabaseClient.create(pool), TIMEOUT));

      try {
        // when
        long started = System.nanoTime();
        Throwable thrown = catchThrowable(() -> desk.open(1, "Consulta", "Texto", new SourceMessage(ConversationKey.whatsapp("51900000000"), "wamid.silent")));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // then
        assertThat(thrown)
            .isInstanceOf(MemberDataUnavailableException.class)
            .hasMessage("member database unavailable: open support ticket");
        assertThat(took).isLessThan(TIMEOUT.plusSeconds(1));
      } finally {
        pool.dispose();
        for (Socket socket : accepted) {
          socket.close();
        }
      }
    }
  }

  private static ConnectionPool pool(int port) {
    ConnectionFactoryOptions options =
        ConnectionFactoryOptions.parse("r2dbc:postgresql://127.0.0.1:" + port + "/xofi")
            .mutate()
            .option(ConnectionFactoryOptions.USER, "postgres")
            .build();
    return MemberConnectionPool.create(options, new MemberDatabaseProperties(TIMEOUT, 2));
  }

  private static void acceptForever(ServerSocket server, List<Socket> accepted) {
    try {
      while (!server.isClosed()) {
        accepted.add(server.accept());
      }
    } catch (IOException closed) {
      // the test is over
    }
  }
}
