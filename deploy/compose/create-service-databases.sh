#!/usr/bin/env bash
# Runs once, when the compose PostgreSQL initialises an empty data directory
# (mounted into /docker-entrypoint-initdb.d). Creates one database per service, owned by a role of
# the same name that only it may connect with, so that no service can read another's data, as
# with the separate databases of production.
# SERVICE_DATABASES lists the services ("gateway campaign dashboard"); each role's password is
# <NAME>_DB_PASSWORD if set, else the service's name (local development only).
set -euo pipefail

for name in ${SERVICE_DATABASES:?set SERVICE_DATABASES to the services that need a database}; do
  if [[ ! "$name" =~ ^[a-z][a-z0-9_]*$ ]]; then
    echo "create-service-databases: not a plain name: $name" >&2
    exit 1
  fi
  password_var="$(tr '[:lower:]' '[:upper:]' <<<"$name")_DB_PASSWORD"
  password="${!password_var:-$name}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v name="$name" -v password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE CONNECT, TEMPORARY ON DATABASE :"name" FROM PUBLIC;
SQL
done
