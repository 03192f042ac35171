#!/bin/sh
# The load test of docs/performance.md: gunicorn with the production settings (rssn/gunicorn.py, 2 workers) on
# the bench's database, 30 seconds of 32 concurrent clients (wrk, from Debian: apt-get install wrk) on a results
# page, each worker's memory (RSS) before and after.
#
#   sh bench/load.sh                                                   # SQLite: bench.sqlite3
#   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/rssn_bench sh bench/load.sh
#
# Run `make bench` once first: it generates the bench's database.
set -eu
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-8765}
URL=${BENCH_URL:-"http://127.0.0.1:$PORT/es/search/?q=apoyo&country=CO"}
DURATION=${BENCH_DURATION:-30s}
export DATABASE_URL="${BENCH_DATABASE_URL:-sqlite:///$(pwd)/bench.sqlite3}"
export DEBUG=false GUNICORN_BIND="127.0.0.1:$PORT" GUNICORN_WORKERS=2

.venv/bin/gunicorn -c python:rssn.gunicorn --access-logfile /dev/null rssn.wsgi &
MASTER=$!
trap 'kill $MASTER 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "$URL" && break; sleep 0.2; done

# Warm-up: 400 requests, so that both workers have loaded what they keep and frozen it (rssn/memory.py, after
# each worker's 100th request).
for _ in $(seq 400); do curl -s -o /dev/null "$URL"; done
echo "workers' RSS before (KB):"; ps -o pid=,rss= --ppid "$MASTER"
wrk -t2 -c32 -d"$DURATION" --timeout 30s --latency "$URL"
echo "workers' RSS after (KB):"; ps -o pid=,rss= --ppid "$MASTER"
