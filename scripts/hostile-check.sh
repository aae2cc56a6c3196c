#!/usr/bin/env bash
# Tries a running Newsflow as a hostile client would (issue 15): each adversarial request must be
# answered 202 or 4xx within a second, slow connections must not stop a normal post, embargoed and
# withheld stories must stay hidden, and a normal story sent afterwards must become searchable.
#
#   ./newsflow up                      # in another terminal
#   scripts/hostile-check.sh           # uses the development key in $NEWSFLOW_HOME
#
# Environment: NEWSFLOW_HOME (default ~/.newsflow), NEWSFLOW_INGEST_URL (http://127.0.0.1:8081),
# NEWSFLOW_INDEX_URL (http://127.0.0.1:8083), NEWSFLOW_SLOW_CONNECTIONS (300). Exit status 1 if any
# check failed. Needs bash, curl and python3 (to write the large inputs).
set -uo pipefail
cd "$(dirname "$0")/.."
home=${NEWSFLOW_HOME:-$HOME/.newsflow}
ingest=${NEWSFLOW_INGEST_URL:-http://127.0.0.1:8081}
index=${NEWSFLOW_INDEX_URL:-http://127.0.0.1:8083}
slow=${NEWSFLOW_SLOW_CONNECTIONS:-300}
key=$(cut -d: -f2- "$home/dev-ingest-key")
work=$(mktemp -d)
trap 'rm -rf "$work"; jobs -p | xargs -r kill 2>/dev/null' EXIT
failures=0

check() { # check NAME OK-CONDITION-TEXT COMMAND...: runs the test command, prints PASS or FAIL
  local name=$1 detail=$2
  shift 2
  if "$@"; then echo "PASS  $name  $detail"; else echo "FAIL  $name  $detail"; failures=$((failures + 1)); fi
}

post() { # post TYPE FILE: prints "status seconds" and keeps the answer in $work/answer
  curl -s -o "$work/answer" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $key" \
    -H "Content-Type: $1" --data-binary "@$2" "$ingest/v1/articles"
}

quick_answer() { # quick_answer EXPECTED-STATUSES "status seconds"
  local status=${2% *} seconds=${2#* }
  [[ " $1 " == *" $status "* ]] && awk -v s="$seconds" 'BEGIN { exit !(s < 1.0) }'
}

python3 - "$work" <<'EOF'
import sys, json, datetime
w = sys.argv[1]
def write(name, text, encoding="utf-8"):
    with open(f"{w}/{name}", "wb") as f:
        f.write(text.encode(encoding))
story = "HALDEN, Norway - The council met on Monday to agree the ferry timetable for the winter season.\n\n"
write("page.html", "<html><head><title>Big page</title><script>" + "var x = 1;\n" * 150_000
      + "</script></head><body><article><h1>Big page</h1><p>" + story + "</p></article></body></html>")
write("huge.json", json.dumps({"guid": "hostile-huge", "title": "Huge", "body": "word " * 2_200_000}))
write("lines.txt", "Ferry timetable\n\n" + "a short line without a full stop\n" * 100_000)
write("dateline.xml", '<?xml version="1.0" encoding="UTF-8"?>\n'
      '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:hostile:dateline" version="1" standard="NewsML-G2" standardversion="2.29">'
      '<itemMeta><itemClass qcode="ninat:text"/><pubStatus qcode="stat:usable"/></itemMeta>'
      '<contentMeta><headline>Dateline of spaces</headline><dateline>WASHINGTON' + " " * 6000 + 'x</dateline></contentMeta>'
      '<contentSet><inlineXML contenttype="application/nitf+xml"><nitf><body><body.content><p>' + story
      + '</p></body.content></body></nitf></inlineXML></contentSet></newsItem>')
write("ebcdic.xml", '<?xml version="1.0" encoding="IBM037"?><newsItem guid="urn:hostile:ebcdic" version="1">'
      + "<x/>" * 1000 + "</newsItem>", "cp037")
later = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
write("embargoed.json", json.dumps({"uri": "urn:hostile:embargoed", "version": "1", "headline": "Embargoed zqembargoq",
                                    "body_text": story + " zqembargoq", "embargoed": later, "pubstatus": "usable"}))
write("withheld.json", json.dumps({"uri": "urn:hostile:withheld", "version": "1", "headline": "Withheld zqwithheldq",
                                   "body_text": story + " zqwithheldq", "pubstatus": "withheld"}))
write("dateline-native.json", json.dumps({"guid": "hostile-dateline", "title": "Dateline", "body": story,
                                          "dateline": "WASHINGTON" + " " * 6000 + "x"}))
write("punctuation.txt", "Punctuation\n\n" + "-.,;:!?" * 15_000)
EOF

echo "== adversarial requests, each answered within a second"
answer=$(post text/html "$work/page.html");             check "1.5 MiB page, inline script" "$answer (202)" quick_answer 202 "$answer"
answer=$(post application/json "$work/huge.json");       check "11 MiB JSON" "$answer (413)" quick_answer 413 "$answer"
answer=$(post text/plain "$work/lines.txt");             check "100,000 lines" "$answer (202)" quick_answer 202 "$answer"
answer=$(post application/vnd.iptc.g2.newsitem+xml "$work/dateline.xml"); check "dateline of 6,000 spaces" "$answer (202)" quick_answer 202 "$answer"
answer=$(post application/xml "$work/ebcdic.xml");       check "XML in EBCDIC" "$answer (415)" quick_answer 415 "$answer"
answer=$(post application/vnd.iptc.ninjs+json "$work/embargoed.json"); check "embargoed story" "$answer (202)" quick_answer 202 "$answer"
embargoed_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$work/answer")
answer=$(post application/vnd.iptc.ninjs+json "$work/withheld.json"); check "withheld story" "$answer (202)" quick_answer 202 "$answer"
withheld_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$work/answer")

echo "== $slow connections trickling a body a byte a second, then a normal post"
host=${ingest#http://}; host=${host%%/*}
for _ in $(seq "$slow"); do
  (exec 3<>"/dev/tcp/${host%:*}/${host#*:}" || exit 0
   printf 'POST /v1/articles HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n' "$host" "$key" >&3
   for _ in $(seq 120); do printf 'a' >&3 2>/dev/null || exit 0; sleep 1; done) &
done
sleep 5
marker="zq$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
printf 'HALDEN, Norway - The %s ferry sailed on time on Tuesday, the harbour master said.\n' "$marker" > "$work/normal.txt"
answer=$(post text/plain "$work/normal.txt");            check "normal post beside $slow slow ones" "$answer (202)" quick_answer 202 "$answer"
normal_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$work/answer")
jobs -p | xargs -r kill 2>/dev/null

echo "== the normal story is searchable within seconds"
started=$SECONDS
until curl -sf "$index/v1/search?q=$marker" | grep -q "$normal_id" || [ $((SECONDS - started)) -ge 60 ]; do sleep 1; done
check "normal story searchable" "after $((SECONDS - started)) s" test $((SECONDS - started)) -lt 60

echo "== hidden stories stay hidden, bad searches are 4xx"
sleep 5
check "embargoed not readable by id" "$(curl -s -o /dev/null -w '%{http_code}' "$index/v1/articles/$embargoed_id") (404)" \
  test "$(curl -s -o /dev/null -w '%{http_code}' "$index/v1/articles/$embargoed_id")" = 404
check "embargoed not found" "q=zqembargoq" bash -c "! curl -sf '$index/v1/search?q=zqembargoq' | grep -q '$embargoed_id'"
check "withheld not readable by id" "(404)" test "$(curl -s -o /dev/null -w '%{http_code}' "$index/v1/articles/$withheld_id")" = 404
check "withheld not found" "q=zqwithheldq" bash -c "! curl -sf '$index/v1/search?q=zqwithheldq' | grep -q '$withheld_id'"
status=$(curl -s -o /dev/null -w '%{http_code}' "$index/v1/search?q=ferry&cursor=eyJmYWtlIjoidGFtcGVyZWQifQ")
check "tampered cursor" "$status (400)" test "$status" = 400
status=$(curl -s -o /dev/null -w '%{http_code}' "$index/v1/search?q=$(head -c 10240 /dev/zero | tr '\0' 'a')")
check "10 KB query" "$status (4xx)" test "${status:0:1}" = 4

echo "== hostile enrichment through ./newsflow enrich (JVM start included)"
for input in dateline-native.json lines.txt punctuation.txt page.html; do
  started=$(date +%s.%N)
  ./newsflow enrich "$work/$input" > /dev/null 2>&1
  code=$?
  seconds=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  check "enrich $input" "exit $code in $seconds s" awk -v s="$seconds" 'BEGIN { exit !(s < 15) }'
done

echo "== $failures failed"
[ "$failures" -eq 0 ]
