#!/usr/bin/env bash
# Random search as an hpoarena external optimizer in bash and jq, written from docs/protocol.md
# alone. Speaks hpoarena-ask-tell/2 (and /1 to a harness that offers only that). Needs jq 1.6+.
#
#   optimizers:
#     - { name: external, options: { command: bash, args: [examples/protocol/random_search.sh] } }
#
# Every hyperparameter type, conditions (parents first) and forbidden clauses are handled in jq;
# bash supplies the random numbers (jq has none), seeded from init.seed.
set -uo pipefail

# jq library: draw values from uniforms $u, keep the active ones, test forbidden clauses.
read -r -d '' LIB <<'JQ'
def same($a; $b): ($a | type) == ($b | type) and $a == $b;
def pos($seq; $v): [range(0; $seq | length) | select(same($seq[.]; $v))][0];
def holds($c; $cfg; $hps):
  if $c.type == "AND" then all($c.conditions[]; holds(.; $cfg; $hps))
  elif $c.type == "OR" then any($c.conditions[]; holds(.; $cfg; $hps))
  elif ($cfg | has($c.parent)) | not then false
  else $cfg[$c.parent] as $v
    | if $c.type == "EQ" then same($v; $c.value)
      elif $c.type == "NEQ" then (same($v; $c.value) | not)
      elif $c.type == "IN" then any($c.values[]; same($v; .))
      else ($hps[] | select(.name == $c.parent)) as $p
        | (if $p.type == "ordinal" then [pos($p.sequence; $v), pos($p.sequence; $c.value)] else [$v, $c.value] end) as [$a, $b]
        | if $c.type == "LT" then $a < $b else $a > $b end
      end
  end;
def hits($f; $cfg):
  if $f.type == "EQUALS" then ($cfg | has($f.name)) and same($cfg[$f.name]; $f.value)
  elif $f.type == "IN" then ($cfg | has($f.name)) and any($f.values[]; same($cfg[$f.name]; .))
  elif $f.type == "AND" then all($f.clauses[]; hits(.; $cfg))
  elif ($cfg | has($f.left)) and ($cfg | has($f.right)) and (($cfg[$f.left] | type) == ($cfg[$f.right] | type)) then
    $cfg[$f.left] as $a | $cfg[$f.right] as $b
    | if $f.type == "RELATION_LT" then $a < $b elif $f.type == "RELATION_GT" then $a > $b else $a == $b end
  else false end;
def clamp($lo; $hi): if . < $lo then $lo elif . > $hi then $hi else . end;
def draw($u):
  if .type == "constant" then .value
  elif .type == "categorical" then .choices[($u * (.choices | length)) | floor]
  elif .type == "ordinal" then .sequence[($u * (.sequence | length)) | floor]
  else .lower as $lo | .upper as $hi | (.type | endswith("_int")) as $int
    | if (.q // null) != null then .q as $q
        | ((($hi - $lo) / $q + 1e-9) | floor) as $k
        | ($lo + (($u * ($k + 1)) | floor) * $q) | clamp($lo; $hi) | if $int then round else . end
      elif $int then
        (if .log then (($lo | log) + $u * (($hi + 1 | log) - ($lo | log))) | exp | floor
         else $lo + ($u * ($hi - $lo + 1) | floor) end) | clamp($lo; $hi)
      elif .log then (($lo | log) + $u * (($hi | log) - ($lo | log))) | exp | clamp($lo; $hi)
      else ($lo + $u * ($hi - $lo)) | clamp($lo; $hi) end
  end;
# Parents first: repeat passes over the list until nothing changes (activity only grows as parents are set).
def sample($space; $u):
  $space.hyperparameters as $hps | ($space.conditions // []) as $conds
  | reduce range(0; $hps | length) as $pass ({};
      . as $cfg
      | reduce range(0; $hps | length) as $i ($cfg;
          $hps[$i] as $hp
          | if has($hp.name) then .
            elif all($conds[] | select(.child == $hp.name); holds(.; $cfg; $hps)) then . + {($hp.name): ($hp | draw($u[$i]))}
            else . end))
  | . as $cfg | [$hps[].name | select(. as $n | $cfg | has($n))] as $names
  | reduce $names[] as $n ({}; . + {($n): $cfg[$n]});
def forbidden($space; $cfg): any(($space.forbiddens // [])[]; hits(.; $cfg));
JQ

SPACE_FILE=$(mktemp)
trap 'rm -f "$SPACE_FILE"' EXIT
VERSION=""
N=0
TRIALS=0

# N integers in [0, 2^30) from bash's seeded RANDOM into U. Not in $(...): a subshell reseeds RANDOM.
uniforms() {
  local out="" i
  for ((i = 0; i < N; i++)); do out+="$((RANDOM << 15 | RANDOM)),"; done
  U="[${out%,}]"
}

send() { printf '%s\n' "$1"; }

while IFS= read -r line; do # read fails at EOF: the harness is gone, so we exit
  [ -z "${line// /}" ] && continue
  type=$(jq -r '.type' <<<"$line")
  id=$(jq -c '.id' <<<"$line")
  case "$type" in
    init)
      VERSION=$(jq -r '(.protocols // [.protocol]) as $o
        | if any($o[]; . == "hpoarena-ask-tell/2") then "hpoarena-ask-tell/2"
          elif any($o[]; . == "hpoarena-ask-tell/1") then "hpoarena-ask-tell/1" else "" end' <<<"$line")
      if [ -z "$VERSION" ]; then
        echo "random_search.sh: unsupported protocol" >&2
        send "{\"type\":\"error\",\"id\":$id,\"message\":\"unsupported protocol; this program speaks hpoarena-ask-tell/2 and /1\"}"
        continue
      fi
      jq -c '.space' <<<"$line" >"$SPACE_FILE"
      N=$(jq '.hyperparameters | length' "$SPACE_FILE")
      RANDOM=$(jq '.seed % 32768' <<<"$line")
      send "{\"type\":\"ready\",\"id\":$id,\"protocol\":\"$VERSION\",\"name\":\"doc-random-search-sh\"}"
      ;;
    ask)
      TRIALS=$((TRIALS + 1))
      config=""
      for ((try = 0; try < 1000; try++)); do
        uniforms
        config=$(jq -c --argjson u "$U" "$LIB"'
          ($u | map(. / 1073741824)) as $u01 | sample(.; $u01) as $c
          | if forbidden(.; $c) then "forbidden" else $c end' "$SPACE_FILE")
        [ "$config" != '"forbidden"' ] && break
      done
      if [ "$config" = '"forbidden"' ]; then
        send "{\"type\":\"error\",\"id\":$id,\"message\":\"no configuration outside the forbidden clauses in 1000 draws\"}"
        continue
      fi
      send "{\"type\":\"proposal\",\"id\":$id,\"trial\":$TRIALS,\"config\":$config,\"fidelity\":null}"
      ;;
    tell)
      [ "$VERSION" = "hpoarena-ask-tell/1" ] && send "{\"type\":\"ack\",\"id\":$id}"
      ;;
    incumbent)
      send "{\"type\":\"incumbent\",\"id\":$id,\"entries\":[]}" # this program keeps no incumbent
      ;;
    close)
      send "{\"type\":\"bye\",\"id\":$id}"
      exit 0
      ;;
    *)
      send "{\"type\":\"error\",\"id\":$id,\"message\":\"unknown request type $type\"}"
      ;;
  esac
done
