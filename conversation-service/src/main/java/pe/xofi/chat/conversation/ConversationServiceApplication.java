package pe.xofi.chat.conversation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Runs the conversation engine as a Kafka Streams application with an actuator endpoint. */
@SpringBootApplication
public class ConversationServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(ConversationServiceApplication.class, args);
  }
}
