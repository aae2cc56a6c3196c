#!/usr/bin/env bash
# A fault drill on a running `./newsflow up --cluster`: streams stories to both ingest instances while it
# kills (SIGKILL) Kafka broker 2, enrich-2, index-2 and Elasticsearch node es-3 in turn, each once the
# previous one is back and `./newsflow status` is OK again (up --cluster restarts what dies, after
# NEWSFLOW_CLUSTER_RESTART_AFTER). It logs each status transition and how long each kill took to heal,
# then checks that every acknowledged story is indexed exactly once and that the near-duplicate copies
# among them name their original in duplicate_of (or the other way round where the original was enriched
# after its copy, behind a killed instance, as the README's "Duplicates" allows).
#
#   ./newsflow up --cluster            # in another terminal, until it says it is running
#   scripts/cluster-check.sh           # reads $NEWSFLOW_HOME/cluster/endpoints.env
#
# Environment: NEWSFLOW_HOME (default ~/.newsflow), NEWSFLOW_INDEX_ALIAS (news),
# CLUSTER_CHECK_STORIES (2000), CLUSTER_CHECK_RATE (stories a second, 5: 2,000 stories then last about
# 7 minutes, in which two cores fit two to four kill-and-recover rounds; a kill after the stream has
# ended says so),
# CLUSTER_CHECK_COPIES (percent of stories that are near-duplicate copies, 5), CLUSTER_CHECK_KILLS
# (kafka-2 enrich-2 index-2 es-3), CLUSTER_CHECK_RECOVERY_TIMEOUT (seconds, 600),
# CLUSTER_CHECK_STATUS_TIMEOUT (seconds one ./newsflow status may take, 240; it takes 10 s on an idle
# cluster, and minutes on two cores busy with the stream and a dead broker), CLUSTER_CHECK_KEEP
# (set: keep the working folder with the stories, answers and status runs). Exit status 1 if any
# check failed. Needs bash 5, curl and python3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
home=${NEWSFLOW_HOME:-$HOME/.newsflow}
endpoints="$home/cluster/endpoints.env"
alias=${NEWSFLOW_INDEX_ALIAS:-news}
total=${CLUSTER_CHECK_STORIES:-2000}
rate=${CLUSTER_CHECK_RATE:-5}
copies=${CLUSTER_CHECK_COPIES:-5}
read -r -a kills <<<"${CLUSTER_CHECK_KILLS:-kafka-2 enrich-2 index-2 es-3}"
recovery_timeout=${CLUSTER_CHECK_RECOVERY_TIMEOUT:-600}
status_timeout=${CLUSTER_CHECK_STATUS_TIMEOUT:-240}
max_in_flight=64
# A JVM that lives seconds: C1 only and the serial collector spend less of two busy cores starting it.
status_jvm=${NEWSFLOW_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}

log() { printf '%(%H:%M:%S)T  %s\n' -1 "$*"; }
die() { log "cluster-check: $*" >&2; exit 2; }

[ -s "$endpoints" ] || die "no $endpoints: start ./newsflow up --cluster first (with the same NEWSFLOW_HOME)"
command -v python3 >/dev/null || die "needs python3"
command -v curl >/dev/null || die "needs curl"
# The endpoints, for ./newsflow status and for this script, and each member's process id (NEWSFLOW_PID_*).
set -a
# shellcheck source=/dev/null
. "$endpoints"
set +a
IFS=, read -r -a ingest_urls <<<"$NEWSFLOW_INGEST_URL"
es=${NEWSFLOW_ES_URL%%,*}
if [ -n "${NEWSFLOW_INGEST_KEYS:-}" ]; then pair=${NEWSFLOW_INGEST_KEYS%%,*}; else pair=$(cat "$home/dev-ingest-key"); fi
key=${pair#*:}
run="cc-$(printf '%(%Y%m%d%H%M%S)T' -1)"

work=$(mktemp -d "${TMPDIR:-/tmp}/cluster-check.XXXXXX")
background=()
cleanup() {
  local pid
  for pid in "${background[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "${CLUSTER_CHECK_KEEP:-}" ]; then echo "kept $work (status.log: start end exit of each status run)"; else rm -rf "$work"; fi
}
trap cleanup EXIT
mkdir -p "$work/stories" "$work/answers"
: >"$work/acks"
: >"$work/status.log"

pid_of() { # pid_of MEMBER: its process id now, from the endpoints file up --cluster rewrites after each restart
  local variable
  variable="NEWSFLOW_PID_$(tr 'a-z-' 'A-Z_' <<<"$1")"
  sed -n "s/^$variable=//p" "$endpoints"
}

status_name() {
  case $1 in
    0) echo OK ;; 1) echo UNHEALTHY ;; 3) echo DEGRADED ;; none) echo "(none yet)" ;;
    124) echo "no answer within $status_timeout s (exit 124)" ;; *) echo "exit $1" ;;
  esac
}

# --- the stories: originals, and copies of earlier originals with a new headline and two words changed
python3 - "$work" "$run" "$total" "$copies" <<'EOF'
import json, random, sys
work, run, total, copy_percent = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(run)
places = ["Samarkand", "Rotterdam", "Valparaiso", "Tromso", "Lagos", "Hanoi", "Cordoba", "Tbilisi", "Winnipeg",
          "Mombasa", "Krakow", "Osaka", "Porto", "Dakar", "Quito", "Halden", "Bergen", "Cusco", "Tartu", "Perth"]
people = ["Amina Okafor", "Lars Henriksen", "Mei Tanaka", "Jorge Almeida", "Nadia Petrova", "Samuel Mensah",
          "Ines Duarte", "Tomas Novak", "Leila Haddad", "Ravi Menon", "Clara Hoffmann", "Omar Farouk",
          "Erik Lund", "Sofia Marin", "Kwame Boateng", "Yuki Sato", "Hana Kovac", "Diego Ruiz"]
bodies = ["the port authority", "the city council", "the national rail company", "the water board",
          "the health ministry", "the farmers' union", "the central bank", "the weather service",
          "the university hospital", "the football federation", "the ferry operator", "the housing agency"]
subjects = ["the harbour", "a new rail line", "the spring floods", "grain exports", "the night buses",
            "a hospital wing", "the fishing quota", "a bridge repair", "the school year", "power prices",
            "the airport runway", "a river crossing", "wind turbines", "the tram depot", "rent controls"]
verbs = ["announced", "delayed", "approved", "criticised", "opened", "inspected", "reviewed", "funded",
         "suspended", "defended", "questioned", "welcomed", "postponed", "expanded"]
details = ["after talks that lasted late into the night", "despite objections from residents",
           "ahead of the winter season", "under a plan agreed last year", "at a cost officials did not disclose",
           "following a report by independent engineers", "while unions called for more consultation",
           "as traders watched prices closely", "in a statement on its website", "during a visit to the district"]
swaps = ["quietly", "formally", "finally", "again", "partly", "openly", "briefly", "firmly"]

def sentence():
    n = rng.randint(2, 950)
    return rng.choice([
        lambda: f"{rng.choice(bodies).capitalize()} {rng.choice(verbs)} {rng.choice(subjects)} {rng.choice(details)}.",
        lambda: f"{rng.choice(people)}, who speaks for {rng.choice(bodies)} in {rng.choice(places)}, said "
                f"{rng.choice(subjects)} would be {rng.choice(verbs)} within {n} days.",
        lambda: f"About {n} people in {rng.choice(places)} were affected, {rng.choice(people)} told reporters "
                f"{rng.choice(details)}.",
        lambda: f"The cost of {rng.choice(subjects)} rose to {n} million, {rng.choice(bodies)} said on "
                f"{rng.choice(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])}.",
        lambda: f"{rng.choice(people)} {rng.choice(verbs)} the decision on {rng.choice(subjects)} "
                f"{rng.choice(details)}, and {rng.choice(people)} {rng.choice(verbs)} it {rng.choice(details)}.",
    ])()

def story(n):
    words, text = rng.randint(90, 160), [rng.choice(places).upper() + " -"]
    while sum(len(s.split()) for s in text) < words:
        text.append(sentence())
    title = f"{rng.choice(places)}: {rng.choice(subjects)} {rng.choice(verbs)} ({run} {n})"
    return title, " ".join(text)

originals, manifest = [], []
for n in range(1, total + 1):
    guid = f"{run}-{n}"
    # A copy of an original sent at least 40 stories before, so the original is acknowledged by then.
    if n > 50 and rng.randrange(100) < copy_percent:
        of = rng.choice([o for o in originals if o[0] <= n - 40])
        words = of[2].split()
        for i in rng.sample(range(5, len(words) - 1), 2):
            words[i] = rng.choice(swaps)
        title, body = f"UPDATE {n}: {rng.choice(subjects)} {rng.choice(verbs)} in {rng.choice(places)}", " ".join(words)
        manifest.append(f"{n}\t{guid}\tcopy\t{of[0]}")
    else:
        title, body = story(n)
        originals.append((n, title, body))
        manifest.append(f"{n}\t{guid}\toriginal\t-")
    with open(f"{work}/stories/{n}.json", "w") as f:
        json.dump({"guid": guid, "title": title, "body": body, "language": "en"}, f)
with open(f"{work}/manifest.tsv", "w") as f:
    f.write("\n".join(manifest) + "\n")
EOF
copies_made=$(grep -c $'\tcopy\t' "$work/manifest.tsv" || true)

# --- the stream: one story every 1/rate s, alternately to each ingest instance; a 429, a 503 or a
# connection error is tried again (same guid, the other instance), as a feed would.
post_story() {
  local n=$1 attempt code
  for attempt in 1 2 3 4 5 6; do
    code=$(curl -s -o "$work/answers/$n" -w '%{http_code}' --max-time 30 -H "Authorization: Bearer $key" \
      -H 'Content-Type: application/json' --data-binary "@$work/stories/$n.json" \
      "${ingest_urls[$(((n + attempt) % ${#ingest_urls[@]}))]}/v1/articles") || true
    case $code in
      202) break ;;
      429 | 5?? | 000) sleep 2 ;;
      *) break ;;
    esac
  done
  local answer='' id=-
  read -r answer <"$work/answers/$n" 2>/dev/null || true
  if [[ $answer =~ \"id\":\"([^\"]+)\" ]]; then id=${BASH_REMATCH[1]}; fi
  echo "$n $code $id $attempt" >>"$work/acks"
}

# The loop forks only the post itself (and sleep when ahead): on two busy cores every fork counts, and
# a loop that forks for the clock and the job count falls behind its pace.
stream() {
  local n start=${EPOCHREALTIME/./} wait_us pause pid in_flight=() alive
  for ((n = 1; n <= total; n++)); do
    wait_us=$((start + (n - 1) * 1000000 / rate - ${EPOCHREALTIME/./}))
    if ((wait_us > 0)); then
      printf -v pause '%d.%06d' $((wait_us / 1000000)) $((wait_us % 1000000))
      sleep "$pause"
    fi
    # At most max_in_flight posts at once, so a stalled ingest does not pile up curls.
    while true; do
      alive=()
      for pid in "${in_flight[@]}"; do if kill -0 "$pid" 2>/dev/null; then alive+=("$pid"); fi; done
      in_flight=("${alive[@]}")
      if ((${#in_flight[@]} < max_in_flight)); then break; fi
      sleep 0.2
    done
    post_story "$n" &
    in_flight+=($!)
  done
  wait
  echo "$(((${EPOCHREALTIME/./} - start) / 1000000))" >"$work/stream.done"
}

acknowledged() { awk '$2 == 202' "$work/acks" | wc -l; }
streaming() { [ ! -e "$work/stream.done" ]; }

# --- ./newsflow status every 2 s: each run's start, end and exit code, and each change of state logged
# (a change of findings within one state counts too: DEGRADED by a dead instance, then by one restoring).
poll_status() {
  local previous=none seen='' code start findings
  while [ ! -e "$work/stop-polling" ]; do
    start=$EPOCHSECONDS
    code=0
    NEWSFLOW_JAVA_OPTS=$status_jvm timeout "$status_timeout" "$root/newsflow" status >"$work/status.out" 2>&1 || code=$?
    echo "$start $EPOCHSECONDS $code" >>"$work/status.log"
    findings=$( (grep -E '^(PROBLEM|DEGRADED) ' "$work/status.out" || true) | head -n 3 | sed 's/  */ /g; s/^/; /' | tr -d '\n')
    if [ "$code$findings" != "$seen" ]; then
      log "status $(status_name "$previous") -> $(status_name "$code") (run of $((EPOCHSECONDS - start)) s)$findings"
      previous=$code
      seen=$code$findings
    fi
    sleep 2
  done
}

# first_ok KILLED BACK: the end time of the first status run after the kill that answered OK, ended once
# the member was BACK, and started after a run that saw the fault, or else after BACK. (A run takes seconds
# to tens of seconds: one that started while the member was coming back may well have found it back, but
# one that started before anything looked wrong may have looked before the cluster noticed the kill.)
first_ok() {
  awk -v killed="$1" -v back="$2" '
    $2 <= killed { next }
    $3 != 0 { bad = $2; next }
    $1 >= killed && $2 >= back && ((bad && $1 >= bad) || $1 >= back) { print $2; exit }' "$work/status.log"
}

await_ok() { # await_ok KILLED BACK: waits for first_ok and prints it
  local deadline=$((EPOCHSECONDS + recovery_timeout)) ok
  until ok=$(first_ok "$1" "$2") && [ -n "$ok" ]; do
    ((EPOCHSECONDS < deadline)) || return 1
    sleep 1
  done
  echo "$ok"
}

declare -A killed_at back_after ok_after seen_codes during
drill() { # drill MEMBER: kills it once the stream has moved on, waits until it is back and status is OK
  local member=$1 pid new at back ok
  # Each kill falls on a flowing stream: 20 s after the previous recovery, and after a tenth of the stories.
  sleep 20
  until (($(acknowledged) >= total / 10)) || ! streaming; do sleep 1; done
  pid=$(pid_of "$member")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || { log "no running $member (pid '${pid}')"; return 1; }
  during[$member]=$(streaming && echo "while streaming ($(acknowledged) acknowledged)" || echo "after the stream ended")
  kill -KILL "$pid"
  at=$EPOCHSECONDS
  killed_at[$member]=$at
  log "killed $member (pid $pid) ${during[$member]}"
  local deadline=$((at + recovery_timeout))
  until new=$(pid_of "$member") && [ -n "$new" ] && [ "$new" != "$pid" ] && kill -0 "$new" 2>/dev/null; do
    ((EPOCHSECONDS < deadline)) || { log "$member not back within ${recovery_timeout} s"; return 1; }
    sleep 1
  done
  back=$EPOCHSECONDS
  back_after[$member]=$((back - at))
  log "$member is back (pid $new) after $((back - at)) s"
  ok=$(await_ok "$at" "$back") || { log "status not OK within ${recovery_timeout} s of $member coming back"; return 1; }
  ok_after[$member]=$((ok - at))
  # Every run that ended after the kill counts: one that started just before it may have seen it.
  seen_codes[$member]=$(awk -v a="$at" -v b="$ok" '$2 > a && $2 < b && $3 != 0 { print $3 }' "$work/status.log" | sort -u | paste -sd, -)
  log "status OK $((ok - at)) s after $member was killed (not OK in between: exit ${seen_codes[$member]:-none})"
}

log "run $run: $total stories at $rate/s to ${ingest_urls[*]} ($copies_made near-duplicate copies); kills: ${kills[*]}"
poll_status &
background+=($!)
log "waiting for status OK before streaming"
await_ok 0 0 >/dev/null || die "./newsflow status is not OK; see its output:$(printf '\n%s' "$(cat "$work/status.out")")"
stream &
background+=($!)

drill_failed=0
for member in "${kills[@]}"; do
  drill "$member" || { drill_failed=1; break; }
done

until ! streaming; do sleep 2; done
log "the stream took $(cat "$work/stream.done") s: $(wc -l <"$work/acks") stories answered, $(acknowledged) acknowledged"

# --- caught up: the run's documents in Elasticsearch reach the acknowledged count and stay there a poll
# (a story refused after Kafka took it late may be indexed too, so reaching the count alone is not enough)
count_run() {
  curl -s "$es/$alias/_count" -H 'Content-Type: application/json' \
    -d "{\"query\":{\"prefix\":{\"guid\":\"$run-\"}}}" | sed -n 's/.*"count":\([0-9]*\).*/\1/p'
}
acked=$(acknowledged)
deadline=$((EPOCHSECONDS + 1200))
last=-1
stable_since=$EPOCHSECONDS
while true; do
  count=$(count_run)
  count=${count:-0}
  ((count >= acked && count == last)) && break
  if ((count != last)); then last=$count; stable_since=$EPOCHSECONDS; fi
  if ((EPOCHSECONDS - stable_since >= 180)); then log "the index stopped at $count of $acked"; break; fi
  ((EPOCHSECONDS < deadline)) || { log "not caught up after 20 minutes: $count of $acked"; break; }
  sleep 5
done
log "indexed: $count of $acked acknowledged"
# A copy is marked by a second send once its duplicate check has ended, after dedup's lookups on its
# internal topics, which can still drain when the raw topic's lag is gone: wait until the number of
# marked stories stops growing (or every copy is marked).
count_marked() {
  curl -s "$es/$alias/_count" -H 'Content-Type: application/json' -d "{\"query\":{\"bool\":{\"filter\":[
    {\"prefix\":{\"guid\":\"$run-\"}},{\"exists\":{\"field\":\"duplicate_of\"}}]}}}" | sed -n 's/.*"count":\([0-9]*\).*/\1/p'
}
marked=-1
marked_since=$EPOCHSECONDS
until ((marked >= copies_made)) || ((EPOCHSECONDS - marked_since >= 60)); do
  now=$(count_marked)
  now=${now:-0}
  if ((now != marked)); then marked=$now; marked_since=$EPOCHSECONDS; fi
  ((marked >= copies_made)) || sleep 5
done
log "marked as copies: $marked of $copies_made"
sleep 5 # one more refresh interval, so a late duplicate would show too

touch "$work/stop-polling"
final=0
NEWSFLOW_JAVA_OPTS=$status_jvm timeout "$status_timeout" "$root/newsflow" status >"$work/final-status.out" 2>&1 || final=$?

# --- the check, story by story, against Elasticsearch
python3 - "$work" "$es" "$alias" >"$work/verdict" <<'EOF'
import json, sys, urllib.request
from collections import Counter
work, es, alias = sys.argv[1:4]
manifest = {}
for line in open(f"{work}/manifest.tsv"):
    n, guid, kind, of = line.rstrip("\n").split("\t")
    manifest[int(n)] = (kind, None if of == "-" else int(of))
acked, refused = {}, Counter()
for line in open(f"{work}/acks"):
    n, code, article_id, attempts = line.split()
    if code == "202":
        acked[int(n)] = article_id
    else:
        refused[code] += 1
hits = Counter()
duplicate_of = {}
enriched_at = {}
ids = list(acked.values())
for i in range(0, len(ids), 500):
    batch = ids[i:i + 500]
    query = {"size": 2 * len(batch), "_source": ["id", "duplicate_of", "enriched_at"], "query": {"terms": {"id": batch}}}
    request = urllib.request.Request(f"{es}/{alias}/_search", json.dumps(query).encode(),
                                     {"Content-Type": "application/json"})
    for hit in json.load(urllib.request.urlopen(request))["hits"]["hits"]:
        hits[hit["_source"]["id"]] += 1
        duplicate_of[hit["_source"]["id"]] = hit["_source"].get("duplicate_of")
        enriched_at[hit["_source"]["id"]] = hit["_source"].get("enriched_at", "")
once = sum(1 for i in ids if hits[i] == 1)
missing = [n for n, i in acked.items() if hits[i] == 0]
duplicated = [n for n, i in acked.items() if hits[i] > 1]
copies = [(n, of) for n, (kind, of) in manifest.items() if kind == "copy" and n in acked and of in acked]
flagged = [n for n, of in copies if duplicate_of.get(acked[n]) == acked[of]]
unflagged = [n for n, of in copies if hits[acked[n]] and not duplicate_of.get(acked[n])]
elsewhere = [n for n, of in copies if duplicate_of.get(acked[n]) not in (None, acked[of])]
# The pair the other way round: the copy reached dedup first (its original's partition lagging) and was
# taken for the original, as the README's "Duplicates" allows. Allowed only where the original was indeed
# enriched after its copy (enriched_at, ISO-8601 UTC, compares as text); otherwise it is wrong.
reversed_pairs = [f"{n}<-{of}" for n, of in copies if duplicate_of.get(acked[of]) == acked[n]]
lagging = [n for n, of in copies if duplicate_of.get(acked[of]) == acked[n] and not duplicate_of.get(acked[n])
           and enriched_at.get(acked[of], "") > enriched_at.get(acked[n], "")]
originals_flagged = [n for n, (kind, _) in manifest.items() if kind == "original" and n in acked and duplicate_of.get(acked[n])]
print(f"answered={sum(1 for _ in open(f'{work}/acks'))}")
print(f"acked={len(acked)}")
print(f"refused={sum(refused.values())}")
print(f"refused_codes='{' '.join(f'{c}x{k}' for k, c in refused.items())}'")
print(f"once={once}")
print(f"missing={len(missing)}")
print(f"missing_examples='{' '.join(map(str, missing[:10]))}'")
print(f"duplicated={len(duplicated)}")
print(f"duplicated_examples='{' '.join(map(str, duplicated[:10]))}'")
print(f"copies={len(copies)}")
print(f"flagged={len(flagged)}")
print(f"unflagged={len(unflagged)}")
print(f"unflagged_examples='{' '.join(map(str, unflagged[:10]))}'")
print(f"elsewhere={len(elsewhere)}")
print(f"originals_flagged={len(originals_flagged)}")
print(f"reversed={len(reversed_pairs)}")
print(f"lagging={len(lagging)}")
print(f"reversed_examples='{' '.join(reversed_pairs[:10])}'")
EOF
# shellcheck source=/dev/null
. "$work/verdict"

failures=0
check() { # check NAME DETAIL COMMAND...: runs the test command, prints PASS or FAIL
  local name=$1 detail=$2
  shift 2
  if "$@"; then echo "PASS  $name  $detail"; else echo "FAIL  $name  $detail"; failures=$((failures + 1)); fi
}
degraded_kills=0
for member in "${kills[@]}"; do
  [[ ",${seen_codes[$member]:-}," == *,3,* ]] && degraded_kills=$((degraded_kills + 1))
done

echo
echo "== checks"
check "acknowledged found exactly once" "$once of $acked" test "$once" -eq "$acked"
check "none missing" "$missing ${missing_examples:+(story numbers: $missing_examples)}" test "$missing" -eq 0
check "none duplicated" "$duplicated ${duplicated_examples:+(story numbers: $duplicated_examples)}" test "$duplicated" -eq 0
check "copies flagged" "$flagged of $copies name their original, $lagging the other way round after a lagging original ($unflagged unflagged${unflagged_examples:+: $unflagged_examples}, $elsewhere name another, $reversed the other way round${reversed_examples:+ (copy<-original it names: $reversed_examples)})" \
  test "$((flagged + lagging))" -eq "$copies"
for member in "${kills[@]}"; do
  check "$member recovered" "status OK ${ok_after[$member]:-never} s after the kill" test -n "${ok_after[$member]:-}"
  check "$member degraded seen" "exit codes between kill and OK: ${seen_codes[$member]:-none}" \
    test "$([[ ",${seen_codes[$member]:-}," == *,3,* ]] && echo y)" = y
done
check "final status OK" "exit $final" test "$final" -eq 0
check "drill completed" "${#kills[@]} kills" test "$drill_failed" -eq 0

echo
echo "== summary (run $run)"
streamed=$(cat "$work/stream.done")
printf '%-22s %s\n' "sent" "$total ($copies_made near-duplicate copies) in $streamed s, paced at $rate/s, alternately to ${ingest_urls[*]}"
printf '%-22s %s\n' "acknowledged" "$acked (refused after retries: $refused${refused_codes:+: $refused_codes})"
printf '%-22s %s\n' "found exactly once" "$once"
printf '%-22s %s\n' "missing" "$missing"
printf '%-22s %s\n' "duplicated" "$duplicated"
printf '%-22s %s\n' "copies flagged" "$flagged of $copies acknowledged copies name their original ($unflagged unflagged, $elsewhere name another; originals marked as copies: $originals_flagged, of which $reversed of their own copy, $lagging of them enriched after it)"
for member in "${kills[@]}"; do
  if [ -n "${killed_at[$member]:-}" ]; then
    printf '%-22s %s\n' "recovery $member" "killed $(printf '%(%H:%M:%S)T' "${killed_at[$member]}") ${during[$member]}; back after ${back_after[$member]:-?} s, status OK after ${ok_after[$member]:-never} s (not OK in between: exit ${seen_codes[$member]:-none})"
  else
    printf '%-22s %s\n' "recovery $member" "not killed"
  fi
done
printf '%-22s %s\n' "status runs" "$(awk '{ t = $2 - $1; s += t; if (t > m) m = t } END { printf "%d, %.0f s on average, the longest %d s: the resolution of the times above", NR, s / NR, m }' "$work/status.log")"
printf '%-22s %s\n' "DEGRADED observed" "$( ((degraded_kills > 0)) && echo yes || echo no) (after $degraded_kills of ${#kills[@]} kills)"
printf '%-22s %s\n' "final status" "$(status_name "$final") (exit $final): $(grep '^Status:' "$work/final-status.out" || echo 'no Status line')"
echo "== $failures failed"
[ "$failures" -eq 0 ]
