#!/usr/bin/env bash
# Benchmark of the built-in comment classifier (dev.gazette.moderation.classifier).
#
# Trains the model on the shipped training set (or the files given with --train), scores the evaluation set written
# separately from it (or the file given with --eval), and prints per category the share held and the precision, recall
# and F1, the confusion matrix, the share of civil and of harsh-but-civil comments held, and the scoring latency
# p50/p99/max on one thread after warm-up. It also prints what can see generalisation: each topic and register of the
# training data scored by a model trained without it (24 more trainings, two at a time on 2 cores: about 15 minutes
# on a quiet machine), and the
# identity-bias benchmark of src/main/resources/moderation/identity-bias (per term: civil held, attacks held).
# The output is also written to bench/moderation-eval-latest.txt.
#
# Usage, from anywhere:
#   bench/moderation-eval.sh                                  # ./mvnw -q -B -DskipTests package, then evaluate
#   bench/moderation-eval.sh --jar target/gazette-0.1.0-SNAPSHOT.jar   # use a built jar, no build
#   bench/moderation-eval.sh -- --eval my-comments.jsonl      # anything after -- goes to EvaluateClassifier:
#   bench/moderation-eval.sh -- --train src/main/resources/moderation/training.csv --train jigsaw/train.csv
#   bench/moderation-eval.sh -- --thresholds 0.6,0.15,0.15,0.2,0.5,0.4   # toxic,severe_toxic,obscene,threat,insult,identity_hate
#   bench/moderation-eval.sh -- --no-counterfactuals          # train without the swapped-identity copies
#
# The run is `java -cp <classes and the dependencies> ...EvaluateClassifier` (the classifier reads its data with Jackson). Latency depends on
# what else the machine is doing: the load average at the start is printed with the results.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=""
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar="$2"; shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see $0 --help)" >&2; exit 2 ;;
  esac
done

if [ -n "$jar" ]; then
  # A Spring Boot jar keeps the application's classes under BOOT-INF/classes.
  classes="$(mktemp -d)"
  trap 'rm -rf "$classes"' EXIT
  jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"   # absolute, before the cd below
  (cd "$classes" && jar xf "$jar" BOOT-INF/classes BOOT-INF/lib)
  classpath="$classes/BOOT-INF/classes:$classes/BOOT-INF/lib/*"
else
  ./mvnw -q -B -DskipTests package
  # The classifier reads its data with Jackson: the dependencies go on the class path too.
  dependencies="$(mktemp)"
  trap 'rm -f "$dependencies"' EXIT
  ./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile="$dependencies" >/dev/null
  classpath="target/classes:$(cat "$dependencies")"
fi

{
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet -- . ':!bench/moderation-eval-latest.txt' 2>/dev/null || echo ' (with uncommitted changes)'), $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  java -cp "$classpath" dev.gazette.moderation.classifier.EvaluateClassifier "$@"
} | tee bench/moderation-eval-latest.txt
