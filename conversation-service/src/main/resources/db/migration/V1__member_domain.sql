-- The member domain of Xofi Recaudo, owned by conversation-service.
-- Amounts are soles with 2 decimals; dates are calendar dates in America/Lima.

CREATE TABLE partner (
    id          BIGSERIAL PRIMARY KEY,
    code        VARCHAR(20)  NOT NULL UNIQUE,            -- SOC-0001
    dni         CHAR(8)      NOT NULL UNIQUE CHECK (dni ~ '^[0-9]{8}$'),
    first_names VARCHAR(100) NOT NULL,
    last_names  VARCHAR(100) NOT NULL,
    birth_date  DATE         NOT NULL,
    phone       VARCHAR(20),                             -- WhatsApp digits with country code
    email       VARCHAR(200),
    address     VARCHAR(300),
    status      VARCHAR(20)  NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE', 'SUSPENDED')),
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE loan (
    id           BIGSERIAL PRIMARY KEY,
    partner_id   BIGINT        NOT NULL REFERENCES partner (id),
    code         VARCHAR(20)   NOT NULL UNIQUE,          -- PR-1001
    product      VARCHAR(100)  NOT NULL,
    principal    NUMERIC(14, 2) NOT NULL CHECK (principal > 0),
    annual_rate  NUMERIC(6, 2) NOT NULL CHECK (annual_rate >= 0),
    term_months  INTEGER       NOT NULL CHECK (term_months > 0),
    disbursed_on DATE          NOT NULL,
    status       VARCHAR(20)   NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'PAID_OFF', 'DEFAULTED', 'CANCELLED'))
);
CREATE INDEX loan_partner_idx ON loan (partner_id);

CREATE TABLE installment (
    id          BIGSERIAL PRIMARY KEY,
    loan_id     BIGINT         NOT NULL REFERENCES loan (id),
    number      INTEGER        NOT NULL CHECK (number > 0),
    due_date    DATE           NOT NULL,
    amount      NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    paid_amount NUMERIC(14, 2) NOT NULL DEFAULT 0,
    paid_on     DATE,
    UNIQUE (loan_id, number)
);

CREATE SEQUENCE support_ticket_number_seq;
CREATE TABLE support_ticket (
    id                BIGSERIAL PRIMARY KEY,
    number            VARCHAR(20)  NOT NULL UNIQUE,      -- TK-000001
    partner_id        BIGINT       NOT NULL REFERENCES partner (id),
    subject           VARCHAR(200) NOT NULL,
    description       TEXT         NOT NULL,
    channel           VARCHAR(20)  NOT NULL,             -- WHATSAPP | TELEGRAM
    source_message_id VARCHAR(200) NOT NULL UNIQUE,      -- idempotency: a re-processed message finds its ticket
    status            VARCHAR(20)  NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'IN_PROGRESS', 'CLOSED')),
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE SEQUENCE payment_receipt_number_seq;
CREATE TABLE payment_receipt (
    id                BIGSERIAL PRIMARY KEY,
    number            VARCHAR(20)    NOT NULL UNIQUE,    -- RC-000001
    partner_id        BIGINT         NOT NULL REFERENCES partner (id),
    amount            NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    paid_on           DATE           NOT NULL,
    provider          VARCHAR(20)    NOT NULL,           -- WHAPI | META | TELEGRAM
    media_id          VARCHAR(300)   NOT NULL,
    media_link        VARCHAR(2000),
    mime_type         VARCHAR(100),
    file_name         VARCHAR(300),
    size_bytes        BIGINT,
    source_message_id VARCHAR(200)   NOT NULL UNIQUE,    -- idempotency
    -- PENDING_FILE until outbound-service has stored the file; FAILED when it could not
    status            VARCHAR(20)    NOT NULL DEFAULT 'PENDING_FILE' CHECK (status IN ('PENDING_FILE', 'STORED', 'FAILED')),
    failure_reason    VARCHAR(500),
    created_at        TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ    NOT NULL DEFAULT now()
);

-- written by outbound-service's media download stage
CREATE TABLE receipt_file (
    receipt_id BIGINT       PRIMARY KEY REFERENCES payment_receipt (id),
    bytes      BYTEA        NOT NULL,
    sha256     CHAR(64)     NOT NULL,
    size_bytes BIGINT       NOT NULL,
    mime_type  VARCHAR(100),
    stored_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- the seed's AgentConversation, kept as a projection of the conversation state for operators
CREATE TABLE agent_conversation (
    id                BIGSERIAL PRIMARY KEY,
    conversation_key  VARCHAR(40)  NOT NULL UNIQUE,      -- wa:51987654321 | tg:123456
    channel           VARCHAR(20)  NOT NULL CHECK (channel IN ('WHATSAPP', 'TELEGRAM')),
    whatsapp_phone    VARCHAR(20),
    telegram_chat_id  VARCHAR(100),
    telegram_username VARCHAR(100),
    partner_id        BIGINT       REFERENCES partner (id),
    authenticated     BOOLEAN      NOT NULL DEFAULT FALSE,
    context_data      JSONB        NOT NULL DEFAULT '{}'::jsonb,
    last_message_at   TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    -- each channel carries its own identifier, unique per channel
    CHECK ((channel = 'WHATSAPP' AND whatsapp_phone IS NOT NULL) OR (channel = 'TELEGRAM' AND telegram_chat_id IS NOT NULL)),
    UNIQUE (channel, whatsapp_phone),
    UNIQUE (channel, telegram_chat_id)
);
