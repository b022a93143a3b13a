-- First migration of ${{ values.name }}. Track C (imperative): the CI job in
-- .github/workflows/migrate.yaml applies the files of this folder in order
-- after a reviewed merge and reports to Backstage which ones are applied.
-- Never edit an applied migration: add V2__<what>.sql, V3__<what>.sql, ...

CREATE TABLE IF NOT EXISTS app_setting (
    key         text        PRIMARY KEY,
    value       text        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
