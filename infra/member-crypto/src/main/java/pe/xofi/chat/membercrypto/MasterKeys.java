package pe.xofi.chat.membercrypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;

/**
 * The master key set ({@value #ENVIRONMENT_VARIABLE}, a Tink AEAD key set as JSON) that wraps every
 * conversation's data key: its primary key wraps new data keys, and every key it still holds unwraps
 * the ones it wrapped, so rotating (adding a new primary) keeps the retained log readable.
 */
public final class MasterKeys {

  /** The environment variable (a Secret) holding the master key set. */
  public static final String ENVIRONMENT_VARIABLE = "XOFI_DATA_KEYSET";

  static {
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Aead aead;

  private MasterKeys(KeysetHandle keyset) throws GeneralSecurityException {
    this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
  }

  /** The master keys of a Tink JSON key set; refuses anything else without echoing it. */
  public static MasterKeys fromJson(String keysetJson) {
    if (keysetJson == null || keysetJson.isBlank()) {
      throw new IllegalStateException(ENVIRONMENT_VARIABLE + " is not set: members' data cannot be sealed or opened");
    }
    try {
      return new MasterKeys(TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get()));
    } catch (GeneralSecurityException | RuntimeException e) {
      // the message of a parse error may quote key material: name the variable only
      throw new IllegalStateException(ENVIRONMENT_VARIABLE + " is not a Tink AEAD key set in JSON");
    }
  }

  /** The master keys of {@value #ENVIRONMENT_VARIABLE} in {@code environment}; fails naming it when absent. */
  public static MasterKeys fromEnvironment(Map<String, String> environment) {
    return fromJson(environment.get(ENVIRONMENT_VARIABLE));
  }

  /** A fresh key set with one AES256_GCM key, as JSON (local stack and tests; production makes its own). */
  public static String generateJson() {
    try {
      return TinkJsonProtoKeysetFormat.serializeKeyset(
          KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a key set", e);
    }
  }

  /** {@code keysetJson} with a new AES256_GCM key as primary; the old keys stay so what they wrapped still opens. */
  public static String rotate(String keysetJson) {
    try {
      KeysetHandle current = TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
      KeysetHandle rotated = KeysetHandle.newBuilder(current)
          .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary())
          .build();
      return TinkJsonProtoKeysetFormat.serializeKeyset(rotated, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot rotate the key set", e);
    }
  }

  /** Wraps a conversation's data key, bound to that conversation (it unwraps for no other). */
  byte[] wrap(byte[] dataKey, String conversationKey) {
    try {
      return aead.encrypt(dataKey, conversationKey.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot wrap a data key", e);
    }
  }

  /** Unwraps a data key wrapped by any key of this set for {@code conversationKey}. */
  byte[] unwrap(byte[] wrapped, String conversationKey) throws GeneralSecurityException {
    return aead.decrypt(wrapped, conversationKey.getBytes(StandardCharsets.UTF_8));
  }
}
