package pe.xofi.chat.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pe.xofi.chat.sandbox.media.MediaStore;
import pe.xofi.chat.sandbox.media.StoredMedia;

/** Files are found by their WHAPI media id and by their Meta media id, which is digits as Graph ids are. */
class MediaStoreTest {

  static final byte[] PNG = Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

  @Test
  void shouldFindAFileByItsWhapiIdAndByItsNumericMetaId() {
    // given
    MediaStore store = new MediaStore(new SandboxProperties(null, null, null, null, 0, 10));
    StoredMedia stored = store.store("image/png", "voucher.png", PNG);
    // when
    List<Optional<StoredMedia>> found = List.of(store.find(stored.id()), store.find(stored.metaId()), store.find("0"));
    // then
    assertThat(stored.metaId()).matches("[0-9]{1,32}");
    assertThat(found).containsExactly(Optional.of(stored), Optional.of(stored), Optional.empty());
  }
}
