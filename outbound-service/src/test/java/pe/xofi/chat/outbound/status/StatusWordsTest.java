package pe.xofi.chat.outbound.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.schemas.delivery.DeliveryStatus;
import pe.xofi.chat.schemas.inbound.Provider;

class StatusWordsTest {

  @Test
  void shouldMapEveryWhapiStatusWord() {
    // given: WHAPI's StatusEnum
    List<String> words = List.of("failed", "pending", "sent", "delivered", "read", "played", "deleted");
    // when
    Map<String, Optional<DeliveryStatus>> mapped = mapAll(Provider.WHAPI, words);
    // then
    assertThat(mapped).containsExactlyEntriesOf(ordered(
        "failed", Optional.of(DeliveryStatus.FAILED),
        "pending", Optional.empty(),
        "sent", Optional.empty(),
        "delivered", Optional.of(DeliveryStatus.DELIVERED),
        "read", Optional.of(DeliveryStatus.READ),
        "played", Optional.of(DeliveryStatus.READ),
        "deleted", Optional.empty()));
  }

  @Test
  void shouldMapEveryMetaStatusWord() {
    // given: the words of Meta's statuses[].status, and one it does not send
    List<String> words = List.of("sent", "delivered", "read", "failed", "played");
    // when
    Map<String, Optional<DeliveryStatus>> mapped = mapAll(Provider.META, words);
    // then
    assertThat(mapped).containsExactlyEntriesOf(ordered(
        "sent", Optional.empty(),
        "delivered", Optional.of(DeliveryStatus.DELIVERED),
        "read", Optional.of(DeliveryStatus.READ),
        "failed", Optional.of(DeliveryStatus.FAILED),
        "played", Optional.empty()));
  }

  @Test
  void shouldNeedNoEventForUnknownWordsOrTelegram() {
    // given / when / then
    assertThat(List.of(
        StatusWords.of(Provider.WHAPI, "warning"),
        StatusWords.of(Provider.META, null),
        StatusWords.of(Provider.TELEGRAM, "delivered")))
        .containsExactly(Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static Map<String, Optional<DeliveryStatus>> mapAll(Provider provider, List<String> words) {
    Map<String, Optional<DeliveryStatus>> mapped = new LinkedHashMap<>();
    words.forEach(word -> mapped.put(word, StatusWords.of(provider, word)));
    return mapped;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Optional<DeliveryStatus>> ordered(Object... pairs) {
    Map<String, Optional<DeliveryStatus>> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (Optional<DeliveryStatus>) pairs[i + 1]);
    }
    return map;
  }
}
