-- Idempotency keys scoped by conversation (security review H3). A provider message id names a
-- message only within its conversation: providers, and anyone who forges a webhook, may repeat an
-- id another conversation already used. A ticket or receipt is therefore found again only by the
-- same partner with the same message in the same conversation, and a transcript line only in its
-- own conversation, so a forged or colliding id never reaches another member's rows.

ALTER TABLE support_ticket ADD COLUMN conversation_key VARCHAR(40);   -- wa:51987654321 | tg:123456
ALTER TABLE payment_receipt ADD COLUMN conversation_key VARCHAR(40);

-- Existing rows: the conversation whose transcript holds the source message as the member's line
-- (at most one does: until this migration a line was unique on message id and direction), when it
-- is on the row's channel; else the partner's only conversation on that channel in
-- agent_conversation. A row neither names keeps NULL: it is never found again as another message's
-- ticket or receipt, and the media stage stores no file for it.
UPDATE support_ticket t SET conversation_key = m.conversation_key
FROM conversation_message m
WHERE m.message_id = t.source_message_id AND m.direction = 'IN'
  AND m.conversation_key LIKE CASE t.channel WHEN 'TELEGRAM' THEN 'tg:%' ELSE 'wa:%' END;

UPDATE payment_receipt r SET conversation_key = m.conversation_key
FROM conversation_message m
WHERE m.message_id = r.source_message_id AND m.direction = 'IN'
  AND m.conversation_key LIKE CASE r.provider WHEN 'TELEGRAM' THEN 'tg:%' ELSE 'wa:%' END;

UPDATE support_ticket t SET conversation_key = c.conversation_key
FROM (SELECT partner_id, channel, min(conversation_key) AS conversation_key FROM agent_conversation
      WHERE partner_id IS NOT NULL GROUP BY partner_id, channel HAVING count(*) = 1) c
WHERE t.conversation_key IS NULL AND c.partner_id = t.partner_id AND c.channel = t.channel;

UPDATE payment_receipt r SET conversation_key = c.conversation_key
FROM (SELECT partner_id, channel, min(conversation_key) AS conversation_key FROM agent_conversation
      WHERE partner_id IS NOT NULL GROUP BY partner_id, channel HAVING count(*) = 1) c
WHERE r.conversation_key IS NULL AND c.partner_id = r.partner_id
  AND c.channel = CASE r.provider WHEN 'TELEGRAM' THEN 'TELEGRAM' ELSE 'WHATSAPP' END;

-- the old keys were unique on the id alone, so the new ones hold for every existing row
ALTER TABLE support_ticket DROP CONSTRAINT support_ticket_source_message_id_key;
ALTER TABLE support_ticket
    ADD CONSTRAINT support_ticket_source_message_key UNIQUE (partner_id, conversation_key, source_message_id);

ALTER TABLE payment_receipt DROP CONSTRAINT payment_receipt_source_message_id_key;
ALTER TABLE payment_receipt
    ADD CONSTRAINT payment_receipt_source_message_key UNIQUE (partner_id, conversation_key, source_message_id);

-- transcripts: one line per conversation, message id and direction; an upsert never moves a line
-- to another conversation (conversation_key is part of the key, so it is never updated)
ALTER TABLE conversation_message DROP CONSTRAINT conversation_message_message_id_direction_key;
ALTER TABLE conversation_message
    ADD CONSTRAINT conversation_message_line_key UNIQUE (conversation_key, message_id, direction);
