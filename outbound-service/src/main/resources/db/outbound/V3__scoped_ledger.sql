-- The ledger keyed by conversation (security review H3): a reply id is "<provider message id>#n", and
-- provider message ids are unique only within a conversation (Telegram's are sequential, and a
-- forged webhook may use any), so a reply id that another conversation already used must never make
-- this conversation's reply look sent. The key holds the SHA-256 of the reply id rather than the id,
-- so an id of any length fits a btree entry (review M7: ids over ~2.7 KB could not be recorded).
-- Existing rows all carry their conversation key, and were unique on the reply id alone, so the new
-- key holds for every one of them.

-- The SHA-256 of a reply id's UTF-8 bytes. convert_to is only STABLE in general, but with a fixed
-- target encoding it gives the same bytes for the same text, which a generated column needs.
CREATE FUNCTION reply_key(reply_id text) RETURNS bytea
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN sha256(convert_to(reply_id, 'UTF8'));

ALTER TABLE sent_message ADD COLUMN reply_id_sha256 bytea GENERATED ALWAYS AS (reply_key(reply_id)) STORED;

ALTER TABLE sent_message DROP CONSTRAINT sent_message_pkey;
ALTER TABLE sent_message ADD CONSTRAINT sent_message_pkey PRIMARY KEY (conversation_key, reply_id_sha256);
