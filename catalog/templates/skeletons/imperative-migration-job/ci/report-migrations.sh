#!/usr/bin/env bash
# Reports the schema migrations of ${{ values.name }} to Pragmatic GitOps:
# those in Git (migrations/*.sql) and those the database has applied (from
# `flyway info -outputType=json`), so its Backstage page shows what is still
# pending. Works from any CI; needs curl and jq.
#
#   BACKSTAGE_URL    base URL of Backstage, e.g. https://backstage.example.com
#   BACKSTAGE_TOKEN  a Backstage static token (backend.auth.externalAccess)
#   FLYWAY_INFO      file holding the output of `flyway info -outputType=json`
#   SOURCE           name of this pipeline, shown in Backstage (optional)
set -euo pipefail

: "${BACKSTAGE_URL:?set BACKSTAGE_URL}"
: "${BACKSTAGE_TOKEN:?set BACKSTAGE_TOKEN}"
: "${FLYWAY_INFO:?set FLYWAY_INFO to the output of flyway info -outputType=json}"

entity_ref='component:default/${{ values.name }}'
source_name="${SOURCE:-ci/${{ values.name }}}"
observed_at="$(date -u +%Y-%m-%dT%H:%M:%SZ)"

# V2__add_refunds.sql -> "V2__add_refunds"
available="$(find migrations -maxdepth 1 -name '*.sql' -exec basename {} .sql \; | sort | jq -R . | jq -s .)"
# Versioned migrations Flyway applied successfully; pending or failed ones are left out.
applied="$(jq '[.migrations[]
  | select(.category == "Versioned" and .state == "Success")
  | "V" + .version + "__" + (.description | gsub(" "; "_"))]' "$FLYWAY_INFO")"

jq -n \
  --arg entityRef "$entity_ref" \
  --arg source "$source_name" \
  --arg observedAt "$observed_at" \
  --argjson available "$available" \
  --argjson applied "$applied" \
  '{entityRef: $entityRef, source: $source, observedAt: $observedAt,
    migrations: {available: $available, applied: $applied}}' |
  curl --fail-with-body --silent --show-error \
    -X POST "$BACKSTAGE_URL/api/pragmatic-gitops/observations" \
    -H "Authorization: Bearer $BACKSTAGE_TOKEN" \
    -H 'Content-Type: application/json' \
    --data-binary @-
echo
