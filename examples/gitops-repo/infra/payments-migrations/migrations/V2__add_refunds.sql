-- V2: partial and full refunds.

CREATE TABLE refunds (
    id              uuid PRIMARY KEY,
    payment_id      uuid        NOT NULL REFERENCES payments (id),
    amount_minor    bigint      NOT NULL CHECK (amount_minor > 0),
    reason          text,
    status          text        NOT NULL CHECK (status IN ('requested', 'accepted', 'settled', 'rejected')),
    requested_by    text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    settled_at      timestamptz
);

ALTER TABLE payments ADD COLUMN refunded_minor bigint NOT NULL DEFAULT 0;
