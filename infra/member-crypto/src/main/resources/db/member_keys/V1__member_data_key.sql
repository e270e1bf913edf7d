-- One data key per conversation, wrapped by the master key set (XOFI_DATA_KEYSET) with the
-- conversation key as associated data. Every record of the conversation on inbound-messages and
-- outbound-messages is sealed with it; deleting the row (./xofi forget) makes them all unreadable.
CREATE TABLE member_data_key (
  conversation_key text        PRIMARY KEY,           -- wa:51987654321 | tg:123456
  key_id           text        NOT NULL,              -- carried on each sealed record
  wrapped_key      bytea       NOT NULL,              -- Tink ciphertext: names the master key that wrapped it
  created_at       timestamptz NOT NULL DEFAULT now()
);
