-- outbound-service's own schema and Flyway history (outbound.outbound_schema_history): the member
-- domain in "public" belongs to conversation-service and is never migrated from here.
CREATE TABLE sent_message (
  reply_id            text        PRIMARY KEY,  -- the reply's deterministic id: a reply is sent once
  conversation_key    text        NOT NULL,
  provider            text        NOT NULL,
  provider_message_id text,
  sent_at             timestamptz NOT NULL,
  delivered_at        timestamptz,
  overdue_reported_at timestamptz
);

-- status callbacks name the provider's message id
CREATE INDEX sent_message_provider_message_id ON sent_message (provider, provider_message_id);

-- the undelivered-reply check only looks at replies not delivered and not reported yet
CREATE INDEX sent_message_undelivered ON sent_message (sent_at)
  WHERE delivered_at IS NULL AND overdue_reported_at IS NULL;
