package pe.xofi.chat.conversation.state;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import pe.xofi.chat.schemas.JsonSerde;

/**
 * The {@value #NAME} state store: one {@link ConversationState} per conversation key, persistent
 * (RocksDB) and backed by a changelog topic, so it commits with the replies under exactly-once.
 */
public final class ConversationStore {

  /** Store name; the changelog topic is {@code <application.id>-conversations-changelog}. */
  public static final String NAME = "conversations";

  private ConversationStore() {}

  /** A builder of the store for a topology. */
  public static StoreBuilder<KeyValueStore<String, ConversationState>> builder() {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(NAME),
        Serdes.String(),
        new JsonSerde<>(ConversationState.class));
  }
}
