package pe.xofi.chat.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntentDetectorTest {

  private final IntentDetector detector = new IntentDetector();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "hola", "Hola", "¡Hola!", "HOLA!!!", "Holaaa", "hola, buenos días", "Buenos días",
        "buenos dias", "Buen día", "Buenas tardes", "buenas noches.", "Buenas", "hi", "Hello",
        "hey there", "¿Qué tal?"
      })
  void shouldRecogniseAGreetingWhateverItsCaseAccentsOrPunctuation(String text) {
    // given a greeting

    // when
    Intent intent = detector.detect(text);

    // then
    assertThat(intent).isEqualTo(Intent.GREETING);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ayuda", "Ayuda!", "AYUDA", "help", "Menú", "menu", "hola, necesito ayuda"})
  void shouldRecogniseARequestForHelpAnywhereInTheText(String text) {
    // given a request for help

    // when
    Intent intent = detector.detect(text);

    // then
    assertThat(intent).isEqualTo(Intent.HELP);
  }

  @ParameterizedTest
  @ValueSource(strings = {"adiós", "Adios", "chao", "Chaooo", "chau", "hasta luego"})
  void shouldRecogniseAFarewell(String text) {
    // given a farewell

    // when
    Intent intent = detector.detect(text);

    // then
    assertThat(intent).isEqualTo(Intent.FAREWELL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "12345678", "quiero pagar", "ahora no", "chicha", "helado"})
  void shouldNotGuessAnIntentFromUnrelatedText(String text) {
    // given unrelated text

    // when
    Intent intent = detector.detect(text);

    // then
    assertThat(intent).isEqualTo(Intent.UNKNOWN);
  }
}
