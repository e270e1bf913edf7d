package pe.xofi.chat.membercrypto;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the member-data sealing ({@code xofi.member-crypto.*}).
 *
 * @param keyset      the master key set, a Tink AEAD key set as JSON ({@code XOFI_DATA_KEYSET}); blank
 *                    only in the {@code local} profile or when not required (then nothing is sealed)
 * @param required    false for tools that only read (replay): without the key set they show sealed
 *                    records as sealed instead of refusing to start
 * @param dbUrl       the database of the data keys, {@code postgresql://host:port/db} ({@code XOFI_DB_URL})
 * @param dbUser      its user ({@code XOFI_DB_USER})
 * @param dbPassword  its password ({@code XOFI_DB_PASSWORD})
 * @param poolSize    connections to it; keys are cached, so few are needed
 * @param timeout     how long a key read may wait for a connection before it counts as unavailable
 * @param cacheTtl    how long an opened data key is kept: a forget takes effect everywhere within it
 * @param cacheSize   how many opened data keys are kept at most
 */
@ConfigurationProperties("xofi.member-crypto")
public record MemberCryptoProperties(
    @DefaultValue("") String keyset,
    @DefaultValue("true") boolean required,
    @DefaultValue("postgresql://localhost:5432/xofi") String dbUrl,
    @DefaultValue("postgres") String dbUser,
    @DefaultValue("") String dbPassword,
    @DefaultValue("4") int poolSize,
    @DefaultValue("2s") Duration timeout,
    @DefaultValue("10m") Duration cacheTtl,
    @DefaultValue("50000") long cacheSize) {}
