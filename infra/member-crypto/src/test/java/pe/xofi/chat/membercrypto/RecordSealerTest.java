package pe.xofi.chat.membercrypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.schemas.privacy.Sealed;

class RecordSealerTest {

  private static final String KEY = "wa:51987654321";
  private static final String TEXT = "DNI 12345678 año 1990";

  private final String keyset = MasterKeys.generateJson();
  private final InMemoryMemberKeyStore store = new InMemoryMemberKeyStore();

  private RecordSealer sealer(String keysetJson) {
    return new RecordSealer(new DataKeys(MasterKeys.fromJson(keysetJson), store));
  }

  private static String text(Opened opened) {
    return new String(((Opened.Plain) opened).bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void shouldOpenWhatItSealedAndShowNoCredentialInTheCiphertext() {
    // given
    RecordSealer sealer = sealer(keyset);

    // when
    Sealed sealed = sealer.seal(KEY, "wamid.1", TEXT);

    // then
    assertThat(new String(Base64.getDecoder().decode(sealed.ciphertext()), StandardCharsets.ISO_8859_1))
        .doesNotContain("12345678").doesNotContain("1990");
    assertThat(sealed.keyId()).isEqualTo(store.keys.get(KEY).keyId());
    assertThat(text(sealer.open(KEY, "wamid.1", sealed))).isEqualTo(TEXT);
  }

  @Test
  void shouldSealEveryRecordOfAConversationWithOneKeyAndAFreshNonce() {
    // given
    RecordSealer sealer = sealer(keyset);

    // when
    Sealed first = sealer.seal(KEY, "wamid.1", TEXT);
    Sealed second = sealer.seal(KEY, "wamid.1", TEXT);

    // then
    assertThat(second.keyId()).isEqualTo(first.keyId());
    assertThat(second.ciphertext()).isNotEqualTo(first.ciphertext());
    assertThat(store.keys).hasSize(1);
  }

  @Test
  void shouldStillOpenRecordsSealedBeforeTheMasterKeySetWasRotated() {
    // given: a record sealed while the old key was primary
    Sealed old = sealer(keyset).seal(KEY, "wamid.1", TEXT);
    String rotated = MasterKeys.rotate(keyset);

    // when: a fresh instance (no cache) with the rotated set opens it and seals a new conversation
    RecordSealer afterRotation = sealer(rotated);
    Opened opened = afterRotation.open(KEY, "wamid.1", old);
    Sealed fresh = afterRotation.seal("wa:51911111111", "wamid.2", "Hola");

    // then: the old record opens; the new data key is wrapped by the new primary, which the old set lacks
    assertThat(text(opened)).isEqualTo(TEXT);
    assertThat(text(afterRotation.open("wa:51911111111", "wamid.2", fresh))).isEqualTo("Hola");
    assertThatThrownBy(() -> sealer(keyset).open("wa:51911111111", "wamid.2", fresh))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the master key set cannot unwrap the data key " + fresh.keyId());
  }

  @Test
  void shouldReportARecordAsForgottenOnceItsDataKeyIsDeleted() {
    // given
    RecordSealer sealer = sealer(keyset);
    Sealed sealed = sealer.seal(KEY, "wamid.1", TEXT);

    // when: forget deletes the key; another instance (no cached key) reads the record
    store.delete(KEY);
    Opened opened = sealer(keyset).open(KEY, "wamid.1", sealed);

    // then
    assertThat(opened).isEqualTo(new Opened.Forgotten());
  }

  @Test
  void shouldKeepOldRecordsForgottenWhenTheMemberWritesAgainAfterAForget() {
    // given: a record, a forget, and a new message that creates a new key
    Sealed before = sealer(keyset).seal(KEY, "wamid.1", TEXT);
    store.delete(KEY);
    RecordSealer sealer = sealer(keyset);
    Sealed after = sealer.seal(KEY, "wamid.2", "Hola");

    // when
    Opened old = sealer.open(KEY, "wamid.1", before);

    // then
    assertThat(after.keyId()).isNotEqualTo(before.keyId());
    assertThat(old).isEqualTo(new Opened.Forgotten());
    assertThat(text(sealer.open(KEY, "wamid.2", after))).isEqualTo("Hola");
  }

  @Test
  void shouldForgetInThisInstanceAtOnceWhenItsCacheIsEvicted() {
    // given
    DataKeys dataKeys = new DataKeys(MasterKeys.fromJson(keyset), store);
    RecordSealer sealer = new RecordSealer(dataKeys);
    Sealed sealed = sealer.seal(KEY, "wamid.1", TEXT);

    // when
    store.delete(KEY);
    dataKeys.evict(KEY);

    // then
    assertThat(sealer.open(KEY, "wamid.1", sealed)).isEqualTo(new Opened.Forgotten());
  }

  @Test
  void shouldRefuseASealedFieldMovedToAnotherRecordOrConversation() {
    // given
    RecordSealer sealer = sealer(keyset);
    Sealed sealed = sealer.seal(KEY, "wamid.1", TEXT);
    sealer.seal("wa:51911111111", "wamid.1", "x");
    Sealed copiedToOther = new Sealed(store.keys.get("wa:51911111111").keyId(), sealed.ciphertext());

    // when / then
    assertThatThrownBy(() -> sealer.open(KEY, "wamid.2", sealed))
        .isInstanceOf(UnopenableRecordException.class)
        .hasMessage("a sealed record of **********4321 does not authenticate");
    assertThatThrownBy(() -> sealer.open("wa:51911111111", "wamid.1", copiedToOther))
        .isInstanceOf(UnopenableRecordException.class);
  }

  @Test
  void shouldNotUnwrapADataKeyCopiedToAnotherConversation() {
    // given: the wrapped key of one member stored as another's
    RecordSealer sealer = sealer(keyset);
    Sealed sealed = sealer.seal(KEY, "wamid.1", TEXT);
    store.keys.put("wa:51911111111", store.keys.get(KEY));

    // when / then
    assertThatThrownBy(() -> sealer(keyset).open("wa:51911111111", "wamid.1", sealed))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the master key set cannot unwrap the data key " + sealed.keyId());
  }
}
