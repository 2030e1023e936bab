#!/usr/bin/env bash
# Starts PostgreSQL and NATS (with JetStream) on this machine when they are not already
# answering, using the machine's own packages. Sourced by ./onego and .ci/run.

onego_port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

onego_postgres() {
  if onego_port_open 127.0.0.1 5432; then return 0; fi
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    echo "onego: starting PostgreSQL" >&2
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start >&2 || true
  fi
  for _ in $(seq 1 50); do onego_port_open 127.0.0.1 5432 && return 0; sleep 0.2; done
  echo "onego: PostgreSQL is not answering on 127.0.0.1:5432 (set DATABASE_URL to use another)" >&2
  return 1
}

onego_nats() {
  if onego_port_open 127.0.0.1 4222; then return 0; fi
  command -v nats-server >/dev/null 2>&1 || { echo "onego: nats-server is not installed (apt install nats-server)" >&2; return 1; }
  echo "onego: starting nats-server with JetStream" >&2
  if command -v start-stop-daemon >/dev/null 2>&1 && [ -w /var/lib ]; then
    mkdir -p /var/lib/nats-server
    start-stop-daemon --start --oknodo --background --exec "$(command -v nats-server)" -- \
      -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log >&2
  else
    mkdir -p "$ONEGO_ROOT/.onego/nats"
    nohup nats-server -a 127.0.0.1 -p 4222 -js -sd "$ONEGO_ROOT/.onego/nats" >"$ONEGO_ROOT/.onego/nats.log" 2>&1 &
  fi
  for _ in $(seq 1 50); do onego_port_open 127.0.0.1 4222 && return 0; sleep 0.2; done
  echo "onego: NATS is not answering on 127.0.0.1:4222 (set NATS_URL to use another)" >&2
  return 1
}

# Tests use DATABASE_URL/NATS_URL when set; on a machine running the services locally they are
# set to those. Without them, the tests start containers when a Docker engine answers.
onego_test_services() {
  if [ -z "${DATABASE_URL:-}" ] && onego_postgres; then export DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres"; fi
  if [ -z "${NATS_URL:-}" ] && onego_nats; then export NATS_URL="nats://127.0.0.1:4222"; fi
  return 0
}
