#!/bin/sh
# Run unit test programs; each prints "name: N passed, N failed". Fails if any fails.
rc=0
for t in "$@"; do
	"$t" || rc=1
done
exit $rc
