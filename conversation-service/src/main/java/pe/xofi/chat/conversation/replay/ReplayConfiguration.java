package pe.xofi.chat.conversation.replay;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pe.xofi.chat.conversation.engine.ConversationEngine;
import pe.xofi.chat.conversation.engine.IntentDetector;
import pe.xofi.chat.conversation.engine.auth.AuthPolicy;
import pe.xofi.chat.conversation.member.PartnerDirectory;
import pe.xofi.chat.conversation.member.postgres.BlockingDatabase;
import pe.xofi.chat.conversation.parser.InboundParser;
import pe.xofi.chat.membercrypto.EnvelopeSealer;

/**
 * The replay mode ({@link ReplayMode}): the engine over the real partner directory (reads only), the
 * live identification policy and ports that create nothing (failed identifications stay in memory),
 * run once over the command line and then the process exits with the replay's code.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(ReplayMode.ENABLED)
class ReplayConfiguration {

  @Bean
  ApplicationRunner replayRunner(
      ConfigurableApplicationContext context,
      InboundParser parser,
      IntentDetector intents,
      PartnerDirectory partners,
      AuthPolicy authPolicy,
      BlockingDatabase database,
      EnvelopeSealer sealer,
      @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
    return arguments -> {
      String[] args = arguments.getSourceArgs();
      String[] replayArgs = Arrays.copyOfRange(args, Math.min(args.length, 1), args.length);
      PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
      PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
      ReplayCommand command =
          new ReplayCommand(
              rewrite ->
                  new Replayer(
                      parser,
                      new ConversationEngine(
                          intents,
                          partners,
                          new ReplayedIdentificationLedger(),
                          authPolicy,
                          new RecordedTicketDesk(database),
                          new RecordedReceiptInbox(database)),
                      rewrite,
                      sealer),
              bootstrapServers,
              out,
              err);
      int code = command.execute(replayArgs);
      System.exit(SpringApplication.exit(context, () -> code));
    };
  }
}
