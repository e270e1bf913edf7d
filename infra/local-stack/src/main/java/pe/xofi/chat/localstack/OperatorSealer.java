package pe.xofi.chat.localstack;

import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;
import pe.xofi.chat.membercrypto.DataKeys;
import pe.xofi.chat.membercrypto.EnvelopeSealer;
import pe.xofi.chat.membercrypto.JdbcMemberKeyStore;
import pe.xofi.chat.membercrypto.MasterKeys;
import pe.xofi.chat.membercrypto.RecordSealer;
import picocli.CommandLine.ParameterException;

/**
 * The sealer an operator's command opens members' records with: the master key set of {@code
 * XOFI_DATA_KEYSET} (holding it is what makes the operator authorised) and the data keys in the
 * member-keys database of {@code XOFI_DB_URL}. It only reads keys, so nothing is created.
 */
final class OperatorSealer {

  private OperatorSealer() {}

  /** The sealer of {@code environment}; refuses, naming the variable, when the key set is absent. */
  static EnvelopeSealer fromEnvironment(Map<String, String> environment) {
    MasterKeys masterKeys;
    try {
      masterKeys = MasterKeys.fromEnvironment(environment);
    } catch (IllegalStateException e) {
      throw new ParameterException(new picocli.CommandLine(new Object()), e.getMessage()
          + " (an authorised operator's key set is needed to read members' texts)");
    }
    DatabaseTarget db = DatabaseTarget.fromEnvironment(environment);
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(db.jdbcUrl(db.database()));
    dataSource.setUser(db.user());
    dataSource.setPassword(db.password());
    return new EnvelopeSealer(new RecordSealer(new DataKeys(masterKeys, new JdbcMemberKeyStore(dataSource))));
  }
}
