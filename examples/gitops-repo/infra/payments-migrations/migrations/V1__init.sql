-- V1: initial payments schema.

CREATE TABLE payments (
    id              uuid PRIMARY KEY,
    merchant_id     uuid        NOT NULL,
    amount_minor    bigint      NOT NULL CHECK (amount_minor > 0),
    currency        char(3)     NOT NULL,
    status          text        NOT NULL CHECK (status IN ('authorised', 'captured', 'failed', 'voided')),
    psp_reference   text        NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX payments_merchant_created_idx ON payments (merchant_id, created_at DESC);

CREATE TABLE payment_events (
    id          bigserial PRIMARY KEY,
    payment_id  uuid        NOT NULL REFERENCES payments (id),
    type        text        NOT NULL,
    payload     jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
