package pe.xofi.chat.schemas.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialMaskTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "DNI 12345678 año 1990|DNI ******** año ****",
        "dni:12345678, ano 1985|dni:********, ano ****",
        "12345678 1990|******** ****",
        "año 1972 y mi dni es 44556677|año **** y mi dni es ********",
        "Asunto: DNI 87654321 año 1985 por favor|Asunto: DNI ******** año **** por favor",
        "[button DNI 12345678 año 1990] Sí|[button DNI ******** año ****] Sí",
        "[image/jpeg] Monto: 500 DNI 12345678 año 1990|[image/jpeg] Monto: 500 DNI ******** año ****",
      })
  void shouldMaskADniAndTheYearBesideIt(String text, String masked) {
    // when / then
    assertThat(CredentialMask.mask(text)).isEqualTo(masked);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Monto: 500 Fecha: 2025-01-15",
        "mi teléfono es 51987654321 y nací en 1990",
        "préstamo PR-1001 del 2024",
        "ticket TK-000001",
        "123456789 1990",
      })
  void shouldLeaveTextWithoutADniAsItIs(String text) {
    // when / then
    assertThat(CredentialMask.mask(text)).isEqualTo(text);
    assertThat(CredentialMask.containsDni(text)).isFalse();
  }

  @Test
  void shouldNotMaskAYearFarFromTheDni() {
    // given
    String text = "DNI 12345678 y luego hablamos de muchas cosas distintas hasta el año 2024";

    // when / then
    assertThat(CredentialMask.mask(text))
        .isEqualTo("DNI ******** y luego hablamos de muchas cosas distintas hasta el año 2024");
  }

  @Test
  void shouldMaskEveryDniOfALongText() {
    // given
    String text = "12345678 1990 ".repeat(50_000);

    // when
    String masked = CredentialMask.mask(text);

    // then
    assertThat(masked).isEqualTo("******** **** ".repeat(50_000));
  }

  @Test
  void shouldKeepNull() {
    assertThat(CredentialMask.mask(null)).isNull();
  }
}
