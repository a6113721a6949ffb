#!/usr/bin/env bash
# expect.sh STATUS REGEX -- COMMAND...: runs COMMAND and passes when it exits
# with STATUS and its output (stdout and stderr) matches the extended REGEX.
set -u
want=$1 re=$2; shift 3
out=$("$@" 2>&1); got=$?
printf '%s\n' "$out" | tail -n 20
if [ "$got" != "$want" ]; then echo "expect.sh: exit status $got, wanted $want"; exit 1; fi
if ! printf '%s\n' "$out" | grep -Eq -- "$re"; then echo "expect.sh: output does not match /$re/"; exit 1; fi
echo "expect.sh: ok (status $got, output matches)"
