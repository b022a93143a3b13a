-- V3: the refunds list of the back office filters by payment and status.
-- CONCURRENTLY keeps the table writable; Flyway runs this script outside a
-- transaction (PostgreSQL requires it).

CREATE INDEX CONCURRENTLY IF NOT EXISTS refunds_payment_status_idx
    ON refunds (payment_id, status);
