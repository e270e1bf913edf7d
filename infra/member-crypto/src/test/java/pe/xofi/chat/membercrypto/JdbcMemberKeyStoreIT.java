package pe.xofi.chat.membercrypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import pe.xofi.chat.testsupport.PostgresTestDatabase;

class JdbcMemberKeyStoreIT {

  private static PostgresTestDatabase db;
  private static JdbcMemberKeyStore store;

  @BeforeAll
  static void database() {
    db = PostgresTestDatabase.create("member_keys_it");
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(db.jdbcUrl());
    dataSource.setUser(db.user());
    dataSource.setPassword(db.password());
    MemberKeySchema.migrate(dataSource);
    MemberKeySchema.migrate(dataSource); // a second service starting migrates nothing more
    store = new JdbcMemberKeyStore(dataSource);
  }

  @AfterAll
  static void drop() {
    db.drop();
  }

  @Test
  void shouldKeepTheFirstKeyWhenTwoInstancesCreateOneForTheSameConversation() {
    // given
    StoredDataKey first = new StoredDataKey("dk-1", new byte[] {1, 2, 3});
    StoredDataKey second = new StoredDataKey("dk-2", new byte[] {4, 5, 6});

    // when
    StoredDataKey a = store.createIfAbsent("wa:51900000001", first);
    StoredDataKey b = store.createIfAbsent("wa:51900000001", second);

    // then
    assertThat(a.keyId()).isEqualTo("dk-1");
    assertThat(b.keyId()).isEqualTo("dk-1");
    assertThat(b.wrappedKey()).containsExactly(1, 2, 3);
  }

  @Test
  void shouldFindNothingOnceTheKeyIsDeleted() {
    // given
    store.createIfAbsent("wa:51900000002", new StoredDataKey("dk-3", new byte[] {7}));

    // when
    int deleted = store.delete("wa:51900000002");

    // then
    assertThat(deleted).isEqualTo(1);
    assertThat(store.find("wa:51900000002")).isEqualTo(Optional.empty());
    assertThat(store.delete("wa:51900000002")).isZero();
  }

  @Test
  void shouldSealAndOpenWithKeysKeptInPostgres() {
    // given
    RecordSealer sealer = new RecordSealer(new DataKeys(MasterKeys.fromJson(MasterKeys.generateJson()), store));

    // when
    var sealed = sealer.seal("tg:123456", "42", "DNI 12345678 año 1990");

    // then
    assertThat(new String(((Opened.Plain) sealer.open("tg:123456", "42", sealed)).bytes(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("DNI 12345678 año 1990");
    assertThat(store.find("tg:123456")).map(StoredDataKey::keyId).contains(sealed.keyId());
  }
}
