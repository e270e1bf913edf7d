package pe.xofi.chat.schemas.media;

import java.time.Instant;
import pe.xofi.chat.schemas.inbound.Provider;

/**
 * A request to fetch a member's media file (a payment receipt) from the provider.
 *
 * @param receiptId       the receipt number the file belongs to ({@code RC-000001})
 * @param conversationKey textual conversation key, also the record key
 * @param provider        the provider holding the file
 * @param mediaId         the provider's media id
 * @param link            a direct link when the provider gave one, else null
 * @param mimeType        the file's MIME type as the provider reported it
 * @param requestedAt     when the engine asked for it
 */
public record MediaDownload(
    String receiptId,
    String conversationKey,
    Provider provider,
    String mediaId,
    String link,
    String mimeType,
    Instant requestedAt) {}
