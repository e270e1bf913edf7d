package pe.xofi.chat.sandbox.telegram;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * The callback queries the bot answered ({@code answerCallbackQuery}), oldest first, so a test can
 * check that a tap stopped the button's spinner; kept apart from the outbox, which holds only what
 * a member reads.
 */
@Component
class CallbackAnswers {

  /**
   * One answer.
   *
   * @param callbackQueryId the id of the answered {@code callback_query}
   * @param text            the notification shown to the member, if any
   * @param timestamp       epoch seconds
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record CallbackAnswer(String callbackQueryId, String text, long timestamp) {}

  private final List<CallbackAnswer> answers = new CopyOnWriteArrayList<>();

  void record(CallbackAnswer answer) {
    answers.add(answer);
  }

  List<CallbackAnswer> list() {
    return List.copyOf(answers);
  }
}
