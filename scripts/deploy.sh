#!/usr/bin/env bash
# Deploys sourcing-workspace to Google Cloud: 2nd-gen Cloud Functions (Node.js 22) running as their own service
# account, secrets from Secret Manager, a Pub/Sub topic that fans each scheduled tick out to one worker per
# workspace, and Cloud Scheduler jobs that call the dispatcher with an OIDC token (checked by the platform: the
# functions are deployed with --no-allow-unauthenticated). Safe to run again: it creates what is missing and
# updates the rest. Step-by-step guide: the README, "Run it on your agency's real Airtable, Notion and Drive".
#
#   scripts/deploy.sh --project my-agency [--region europe-west1] [--env-file deploy.env]
#                     [--secret AIRTABLE_TOKEN=airtable-token ...] [--dry-run]
#
# --env-file   KEY=VALUE lines passed to the functions as environment (WORKSPACES, AIRTABLE_BASE_ID, MAIL_FROM,
#              ...). Secrets are refused there: they go to Secret Manager.
# --secret     VAR=secret-name (environment variable) or /path/file=secret-name (mounted file), repeatable.
#              Default: AIRTABLE_TOKEN=airtable-token and NOTION_TOKEN=notion-token.
# --dry-run    print the gcloud commands instead of running them (nothing is called, nothing is read from GCP).
set -euo pipefail

usage() {
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
}

fail() {
  printf 'deploy.sh: %s\n' "$1" >&2
  exit 2
}

PROJECT="${GOOGLE_CLOUD_PROJECT:-}"
REGION="europe-west1"
ENV_FILE=""
DRY_RUN=false
SECRETS=()
TOPIC="sourcing-workspace-ticks"
RUNNER="sourcing-runner"
INVOKER="sourcing-invoker"
MAX_WORKERS="20"

while [ $# -gt 0 ]; do
  case "$1" in
    --project) [ $# -ge 2 ] || fail "--project needs a value"; PROJECT="$2"; shift 2 ;;
    --region) [ $# -ge 2 ] || fail "--region needs a value"; REGION="$2"; shift 2 ;;
    --env-file) [ $# -ge 2 ] || fail "--env-file needs a path"; ENV_FILE="$2"; shift 2 ;;
    --secret) [ $# -ge 2 ] || fail "--secret needs VAR=secret-name"; SECRETS+=("$2"); shift 2 ;;
    --max-workers) [ $# -ge 2 ] || fail "--max-workers needs a number"; MAX_WORKERS="$2"; shift 2 ;;
    --dry-run) DRY_RUN=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) fail "unknown option $1 (see --help)" ;;
  esac
done

[ -n "$PROJECT" ] || fail "set --project (or GOOGLE_CLOUD_PROJECT)"
[[ "$PROJECT" =~ ^[a-z][a-z0-9-]{4,28}[a-z0-9]$ ]] || fail "\"$PROJECT\" is not a project ID"
[[ "$REGION" =~ ^[a-z]+-[a-z]+[0-9]$ ]] || fail "\"$REGION\" is not a region (e.g. europe-west1)"
[[ "$MAX_WORKERS" =~ ^[0-9]+$ ]] || fail "--max-workers takes a number"
[ ${#SECRETS[@]} -gt 0 ] || SECRETS=("AIRTABLE_TOKEN=airtable-token" "NOTION_TOKEN=notion-token")
for entry in "${SECRETS[@]}"; do
  [[ "$entry" =~ ^([A-Z][A-Z0-9_]*|/[A-Za-z0-9_./-]+)=[A-Za-z0-9_-]+$ ]] || fail "--secret \"$entry\" is not VAR=secret-name or /path=secret-name"
done

RUNNER_SA="$RUNNER@$PROJECT.iam.gserviceaccount.com"
INVOKER_SA="$INVOKER@$PROJECT.iam.gserviceaccount.com"
TOPIC_PATH="projects/$PROJECT/topics/$TOPIC"

# shellcheck disable=SC2016 # the literal text of the dry run's placeholder, never expanded here
PLACEHOLDER='${DISPATCH_URL}'

# Prints a command the way a person would paste it: plain words as they are, others single-quoted, and the
# dry run's "${DISPATCH_URL}" placeholder double-quoted so a pasted command still expands it.
show() {
  local out="" arg
  for arg in "$@"; do
    if [[ "$arg" =~ ^[A-Za-z0-9_./:=@,+%-]+$ ]]; then
      out+="$arg "
    elif [[ "$arg" == *"$PLACEHOLDER"* && "$arg" != *[\"\\\`]* ]]; then
      out+="\"$arg\" "
    else
      out+="'${arg//\'/\'\\\'\'}' "
    fi
  done
  printf '%s\n' "${out% }"
}

run() {
  if $DRY_RUN; then show "$@"; else show "$@" >&2; "$@"; fi
}

note() {
  printf '# %s\n' "$1"
}

# True when a resource exists; in a dry run nothing is asked, so everything is shown as created.
exists() {
  if $DRY_RUN; then return 1; fi
  "$@" >/dev/null 2>&1
}

# Names the kind of secret a value carries anywhere in it (also inside WORKSPACES' JSON), or prints nothing:
# token prefixes of Airtable, Notion, Slack, Stripe-style keys, Google API keys, GitHub, PEM blocks and JSON
# service-account keys. Deployed env vars are readable by anyone with viewer access to the functions.
secret_shape() {
  local v="$1"
  if [[ "$v" =~ pat[A-Za-z0-9]{14}\.[A-Za-z0-9]{20,} ]]; then printf 'an Airtable personal access token'
  elif [[ "$v" =~ (ntn_|secret_)[A-Za-z0-9]{20,} ]]; then printf 'a Notion integration token'
  elif [[ "$v" =~ xox[abposr]-[A-Za-z0-9-]{8,} ]]; then printf 'a Slack token'
  elif [[ "$v" =~ sk_(live|test)_[A-Za-z0-9]{8,}|sk-[A-Za-z0-9_-]{20,} ]]; then printf 'a secret API key (sk_)'
  elif [[ "$v" =~ AIza[0-9A-Za-z_-]{30,} ]]; then printf 'a Google API key'
  elif [[ "$v" =~ gh[pousr]_[A-Za-z0-9]{30,} ]]; then printf 'a GitHub token'
  elif [[ "$v" =~ -----BEGIN[A-Z\ ]*PRIVATE\ KEY----- ]]; then printf 'a PEM private key'
  elif [[ "$v" =~ \"private_key(_id)?\"[[:space:]]*: || "$v" =~ \"type\"[[:space:]]*:[[:space:]]*\"service_account\" ]]; then printf 'a JSON service-account key'
  fi
}

# --- environment for the functions (non-secret) --------------------------------------------------------------
ENV_YAML="$(mktemp "${TMPDIR:-/tmp}/sourcing-env.XXXXXX")"
trap 'rm -f "$ENV_YAML"' EXIT
{
  printf 'NODE_ENV: production\n'
  printf 'PUBSUB_TOPIC: %s\n' "$TOPIC_PATH"
  # glibc malloc: two arenas and a fixed trim threshold give freed native memory (zlib, HTTP, the compiler's zones)
  # back instead of keeping it per thread; a 10,000-PO cycle peaks lower with them (README, Benchmarks).
  printf "MALLOC_ARENA_MAX: '2'\n"
  printf "MALLOC_TRIM_THRESHOLD_: '131072'\n"
  # V8's young generation as its optimize-for-size mode sizes it (1 MB semi-spaces): read when the heap is set up,
  # before functions/v8-settings.ts sets the mode. An env file's NODE_OPTIONS come after it (and win).
  node_options="--max-semi-space-size=1"
  if [ -n "$ENV_FILE" ]; then
    [ -r "$ENV_FILE" ] || fail "--env-file $ENV_FILE cannot be read"
    while IFS= read -r line || [ -n "$line" ]; do
      [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
      [[ "$line" =~ ^([A-Z][A-Z0-9_]*)=(.*)$ ]] || fail "$ENV_FILE: \"$line\" is not KEY=VALUE"
      key="${BASH_REMATCH[1]}"
      value="${BASH_REMATCH[2]}"
      [[ "$key" =~ (TOKEN|SECRET|PASSWORD|PASSWD|PASS|PRIVATE|CREDENTIAL|_KEY)$ ]] && fail "$ENV_FILE: $key is a secret; store it in Secret Manager and pass --secret $key=<secret-name>"
      kind="$(secret_shape "$value")"
      [ -z "$kind" ] || fail "$ENV_FILE: the value of $key looks like a secret ($kind); secrets go to Secret Manager (--secret VAR=secret-name, and secretEnv inside WORKSPACES), never into plain environment variables. The value is not shown."
      [[ "$key" == NODE_ENV || "$key" == PUBSUB_TOPIC || "$key" == MALLOC_ARENA_MAX || "$key" == MALLOC_TRIM_THRESHOLD_ ]] && continue
      if [[ "$key" == NODE_OPTIONS ]]; then node_options+=" $value"; continue; fi
      # YAML single-quoted scalar: the value as written (JSON included), quotes doubled.
      printf "%s: '%s'\n" "$key" "${value//\'/\'\'}"
    done <"$ENV_FILE"
  fi
  printf "NODE_OPTIONS: '%s'\n" "${node_options//\'/\'\'}"
} >"$ENV_YAML"

SET_SECRETS=""
for entry in "${SECRETS[@]}"; do SET_SECRETS+="${entry}:latest,"; done
SET_SECRETS="${SET_SECRETS%,}"

if $DRY_RUN; then
  note "dry run: nothing below is executed"
  note "sourcing-env.yaml, the environment of the functions (a temporary file when deploying for real):"
  sed 's/^/#   /' "$ENV_YAML"
fi

# --- APIs, identities, secrets, topic --------------------------------------------------------------------------
note "APIs the deployment uses"
run gcloud services enable cloudfunctions.googleapis.com run.googleapis.com cloudbuild.googleapis.com \
  artifactregistry.googleapis.com eventarc.googleapis.com pubsub.googleapis.com cloudscheduler.googleapis.com \
  secretmanager.googleapis.com drive.googleapis.com gmail.googleapis.com --project="$PROJECT"

note "service accounts: $RUNNER runs the functions, $INVOKER is the identity Scheduler and Pub/Sub call them with"
for sa in "$RUNNER" "$INVOKER"; do
  if ! exists gcloud iam service-accounts describe "$sa@$PROJECT.iam.gserviceaccount.com" --project="$PROJECT"; then
    run gcloud iam service-accounts create "$sa" --project="$PROJECT" --display-name="sourcing-workspace $sa"
  fi
done

note "secrets: the runner may read them (create each one first; see the README)"
for entry in "${SECRETS[@]}"; do
  secret="${entry#*=}"
  if ! $DRY_RUN && ! exists gcloud secrets describe "$secret" --project="$PROJECT"; then
    fail "secret $secret does not exist: printf %s \"\$VALUE\" | gcloud secrets create $secret --project=$PROJECT --data-file=-"
  fi
  run gcloud secrets add-iam-policy-binding "$secret" --project="$PROJECT" \
    --member="serviceAccount:$RUNNER_SA" --role=roles/secretmanager.secretAccessor
done

note "Pub/Sub topic of the dispatcher; the runner publishes to it"
if ! exists gcloud pubsub topics describe "$TOPIC" --project="$PROJECT"; then
  run gcloud pubsub topics create "$TOPIC" --project="$PROJECT"
fi
run gcloud pubsub topics add-iam-policy-binding "$TOPIC" --project="$PROJECT" \
  --member="serviceAccount:$RUNNER_SA" --role=roles/pubsub.publisher

# --- functions ---------------------------------------------------------------------------------------------------
ENV_ARG="$ENV_YAML"
if $DRY_RUN; then ENV_ARG="sourcing-env.yaml"; fi
COMMON=(--gen2 --project="$PROJECT" --region="$REGION" --runtime=nodejs22 --source=. --service-account="$RUNNER_SA"
  --memory=512Mi --env-vars-file="$ENV_ARG" --set-secrets="$SET_SECRETS")

note "HTTP functions (no public access: only $INVOKER may call them, with an OIDC token the platform checks)"
HTTP_FUNCTIONS=(dispatch:dispatch provisionWorkspace:provision-workspace syncWorkspace:sync-workspace runChecks:run-checks
  buildDocuments:build-documents closeProject:close-project planSchedule:plan-schedule refreshCalendar:refresh-calendar)
for pair in "${HTTP_FUNCTIONS[@]}"; do
  entry_point="${pair%%:*}"
  name="sourcing-${pair#*:}"
  run gcloud functions deploy "$name" "${COMMON[@]}" --entry-point="$entry_point" --trigger-http \
    --no-allow-unauthenticated --timeout=540s
  run gcloud functions add-invoker-policy-binding "$name" --project="$PROJECT" --region="$REGION" \
    --member="serviceAccount:$INVOKER_SA"
done

note "supplier portal: the ONE public function (factories have no Google identity, so no OIDC)"
# Safe to open: every URL must carry a link signed with SUPPLIER_LINK_SECRET (HMAC-SHA256, expiry, the supplier's
# key version), checked in constant time before anything is read; a link shows only its own supplier's open POs, forms
# carry CSRF tokens, uploads are type-checked and size-limited, each link is rate-limited. Without the secret the
# function answers 500 and reads nothing. Create it once:
#   openssl rand -base64 48 | gcloud secrets create supplier-link-secret --data-file=-
# and pass --secret SUPPLIER_LINK_SECRET=supplier-link-secret (plus SUPPLIER_PORTAL_URL in the env file).
run gcloud functions deploy sourcing-supplier-portal "${COMMON[@]}" --entry-point=supplierPortal --trigger-http \
  --allow-unauthenticated --timeout=60s --max-instances=5
# The link is in the URL path, and the platform's request log records URLs: keep those entries out of Cloud Logging.
run gcloud logging sinks update _Default --project="$PROJECT" \
  --add-exclusion='name=supplier-portal-links,filter=resource.type="cloud_run_revision" AND resource.labels.service_name="sourcing-supplier-portal" AND httpRequest.requestUrl:"/s/"'
note "webhooks: PUBLIC on purpose (--allow-unauthenticated): Airtable and Notion cannot send Google ID tokens; every"
note "delivery is checked by its X-Airtable-Content-MAC or X-Notion-Signature instead (401 and nothing read when wrong)"
run gcloud functions deploy sourcing-webhooks "${COMMON[@]}" --entry-point=webhooks --trigger-http \
  --allow-unauthenticated --timeout=60s
if $DRY_RUN; then
  # shellcheck disable=SC2016 # printed for the reader to run, not expanded here
  printf 'WEBHOOKS_URL="$(gcloud functions describe sourcing-webhooks --project=%s --region=%s --format='"'"'value(serviceConfig.uri)'"'"')"  # register ${WEBHOOKS_URL}?workspace=<id> in Notion (README)\n' "$PROJECT" "$REGION"
fi

note "worker: one Pub/Sub message = one workspace cycle; a failed tick is not retried (the next tick runs it again)"
run gcloud functions deploy sourcing-workspace-tick "${COMMON[@]}" --entry-point=workspaceTick \
  --trigger-topic="$TOPIC" --trigger-service-account="$INVOKER_SA" --timeout=540s --max-instances="$MAX_WORKERS"
run gcloud functions add-invoker-policy-binding sourcing-workspace-tick --project="$PROJECT" --region="$REGION" \
  --member="serviceAccount:$INVOKER_SA"

# --- schedule ----------------------------------------------------------------------------------------------------
note "Cloud Scheduler calls the dispatcher with an OIDC token for $INVOKER (audience = the function URL)"
if $DRY_RUN; then
  # shellcheck disable=SC2016 # printed for the reader to run, not expanded here
  printf 'DISPATCH_URL="$(gcloud functions describe sourcing-dispatch --project=%s --region=%s --format='"'"'value(serviceConfig.uri)'"'"')"\n' "$PROJECT" "$REGION"
  DISPATCH_URL="$PLACEHOLDER"
else
  DISPATCH_URL="$(gcloud functions describe sourcing-dispatch --project="$PROJECT" --region="$REGION" --format='value(serviceConfig.uri)')"
fi
# name | cron (UTC) | cycle: sync every 15 minutes, checks and reminders hourly, calendar and planning daily.
SCHEDULES=("sourcing-sync|*/15 * * * *|sync" "sourcing-hourly|5 * * * *|hourly" "sourcing-daily|30 4 * * *|daily")
for schedule in "${SCHEDULES[@]}"; do
  IFS='|' read -r job cron cycle <<<"$schedule"
  body="{\"cycle\":\"$cycle\"}"
  if exists gcloud scheduler jobs describe "$job" --project="$PROJECT" --location="$REGION"; then
    run gcloud scheduler jobs update http "$job" --project="$PROJECT" --location="$REGION" --schedule="$cron" \
      --time-zone=Etc/UTC --uri="$DISPATCH_URL" --http-method=POST --update-headers=Content-Type=application/json \
      --message-body="$body" --attempt-deadline=320s \
      --oidc-service-account-email="$INVOKER_SA" --oidc-token-audience="$DISPATCH_URL"
  else
    run gcloud scheduler jobs create http "$job" --project="$PROJECT" --location="$REGION" --schedule="$cron" \
      --time-zone=Etc/UTC --uri="$DISPATCH_URL" --http-method=POST --headers=Content-Type=application/json \
      --message-body="$body" --attempt-deadline=320s \
      --oidc-service-account-email="$INVOKER_SA" --oidc-token-audience="$DISPATCH_URL"
  fi
done

note "done: see the runs in Cloud Scheduler and the logs of sourcing-workspace-tick"
