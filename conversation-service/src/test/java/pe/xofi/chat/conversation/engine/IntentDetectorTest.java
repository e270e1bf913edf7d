package pe.xofi.chat.conversation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "DNI 12345678 año 1990 | AUTHENTICATE",
        "dni: 12345678 año 1990 | AUTHENTICATE",
        "12345678 1990 | AUTHENTICATE",
        "DNI 123 | AUTHENTICATE",
        "? | HELP",
        "1 | MY_INFO",
        "2 | ACCOUNT_STATEMENT",
        "3 | LOANS",
        "4 | LOAN_DETAIL",
        "5 | CREATE_TICKET",
        "6 | UPLOAD_RECEIPT",
        "7 | UNKNOWN",
        "Mi información | MY_INFO",
        "mis datos | MY_INFO",
        "Estado de cuenta | ACCOUNT_STATEMENT",
        "mi deuda | ACCOUNT_STATEMENT",
        "Mis préstamos | LOANS",
        "listar créditos | LOANS",
        "Detalle de préstamo PR-1001 | LOAN_DETAIL",
        "préstamo 1001 | LOAN_DETAIL",
        "detalle | LOAN_DETAIL",
        "Crear ticket | CREATE_TICKET",
        "soporte | CREATE_TICKET",
        "Subir boleta | UPLOAD_RECEIPT",
        "comprobante | UPLOAD_RECEIPT",
        "cancelar | CANCEL",
        "Salir | LOGOUT",
        "hola, mis datos por favor | MY_INFO"
      })
  void shouldRecogniseTheCommandsOfTheCommandTable(String text, Intent expected) {
    // given a command of the table

    // when
    Intent intent = detector.detect(text);

    // then
    assertThat(intent).isEqualTo(expected);
  }
}
